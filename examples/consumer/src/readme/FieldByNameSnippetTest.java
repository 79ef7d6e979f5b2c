package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.files.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** README, Any field by its spec name. The snippet names a file in the working directory: made here, then removed. */
class FieldByNameSnippetTest {
  @BeforeEach
  void audioFile() throws Exception {
    Files.write(Path.of("hello.m4a"), new byte[] {0, 0, 0, 24});
  }

  @AfterEach
  void removeAudioFile() throws Exception {
    Files.deleteIfExists(Path.of("hello.m4a"));
  }

  @Test
  void setsFieldsByName() {
    // README snippet

    assertThat(request.attendeeIds()).containsExactly("ACoAAB1", "ACoAAB2");
    assertThat(request.subject()).hasValue("Kickoff");
    assertThat(request.voiceMessage()).isPresent();
  }
}
