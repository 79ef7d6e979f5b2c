package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.files.Attachment;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** README, Sending files: run against the mock server, with the files the snippet names. */
@ExtendWith(MockUnipileExtension.class)
class SendingFilesSnippetTest {
  @Test
  void sendsEveryFile(MockUnipileServer mock, @TempDir Path dir) throws Exception {
    Path cvPath = Files.writeString(dir.resolve("cv.pdf"), "%PDF-1.4 a CV");
    byte[] pngBytes = {(byte) 0x89, 'P', 'N', 'G'};
    InputStream audioStream = new ByteArrayInputStream(new byte[] {1, 2, 3});
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("test").build()) {
      // README snippet

      assertThat(started.chatId()).isPresent();
    }
    assertThat(mock.journal().last().status()).isEqualTo(201);
  }
}
