package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README, LinkedIn options: the three shapes build (and pass the spec's checks). */
class LinkedInOptionsSnippetTest {
  @Test
  void buildsEachShape(@TempDir Path dir) throws Exception {
    Path brochurePath = Files.writeString(dir.resolve("brochure.pdf"), "%PDF-1.4 a brochure");

    // README snippet

    assertThat(inmail).isNotNull();
    assertThat(recruiter).isNotNull();
    assertThat(salesNavigator).isNotNull();
  }
}
