package io.github.unipilechat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.startchat.StartChat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file attachment whose content fails the request: the length sent is always the one written, and a failure of
 * the file itself before any byte of the body left is a refused request (nothing sent, not retried), never
 * "may have been sent".
 */
class AttachmentSourceFailureTest {
  @RegisterExtension final ChatServer chat = new ChatServer();

  @TempDir Path temp;

  private static StartChatRequest.Builder minimal() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  /** A client whose first network interceptor runs {@code beforeWriting} once the Content-Length is taken. */
  private UnipileChatClient clientRunningBeforeTheBody(Runnable beforeWriting) {
    Interceptor interceptor = chain -> {
      beforeWriting.run();
      return chain.proceed(chain.request());
    };
    return chat.builder().okHttpClient(new OkHttpClient.Builder().addNetworkInterceptor(interceptor).build()).build();
  }

  private static void truncate(Path file, long size) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aProcFileIsSentWithItsTrueLength() throws Exception {
    Path proc = Path.of("/proc/version");
    assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0, "no procfs here");
    byte[] content = Files.readAllBytes(proc);
    chat.enqueueCreated();

    chat.client().startChat(minimal().field("voice_message", Attachment.of(proc)).build());

    assertThat(chat.captured().one("voice_message").body().toByteArray()).isEqualTo(content);
  }

  @Test
  void aFileGoneBeforeSendingIsRefusedNotRetriedAndNothingIsSent() throws Exception {
    Path file = Files.write(temp.resolve("gone.m4a"), new byte[] {1, 2, 3});
    StartChatRequest request = minimal().field("voice_message", Attachment.of(file)).build();
    Files.delete(file);

    assertThatThrownBy(() -> chat.client().startChat(request)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.mayHaveBeenSent()).isFalse()).hasMessageContaining(file.toString())
        .hasMessageContaining("nothing was sent");
    assertThat(chat.sleeper().delays()).isEmpty();
    assertThat(chat.requests()).isZero();
  }

  @Test
  void aFileThatShrankBeforeItsFirstByteLeftIsRefusedNotOutcomeUnknown() throws Exception {
    Path file = Files.write(temp.resolve("shrinks.m4a"), new byte[4096]);
    StartChatRequest request = minimal().field("voice_message", Attachment.of(file)).build();

    try (UnipileChatClient client = clientRunningBeforeTheBody(() -> truncate(file, 10))) {
      assertThatThrownBy(() -> client.startChat(request)).isInstanceOfSatisfying(InvalidRequestException.class,
          e -> assertThat(e.mayHaveBeenSent()).isFalse()).hasMessageContaining("fewer than the 4096 announced");
    }
  }

  @Test
  void aFileThatGrewIsSentAtTheLengthAnnounced() throws Exception {
    Path file = Files.write(temp.resolve("grows.txt"), "first".getBytes());
    StartChatRequest request = minimal().field("voice_message", Attachment.of(file)).build();
    chat.enqueueCreated();

    try (UnipileChatClient client = clientRunningBeforeTheBody(() -> {
      try {
        Files.write(file, " and more".getBytes(), StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    })) {
      client.startChat(request);
    }

    assertThat(chat.captured().one("voice_message").text()).isEqualTo("first");
  }

  /**
   * Negative control: once body bytes were handed to the connection, a file failing is still "may have been sent".
   * The large file goes in the spec's first file field, the failing one in its last, so the large one is written
   * first whatever the spec's order.
   */
  @Test
  void aFileFailingAfterTheBodyStartedStaysOutcomeUnknown() throws Exception {
    List<String> fileFields = StartChat.form().fields().stream().filter(f -> f.kind().isFile())
        .map(FormField::name).toList();
    assumeTrue(fileFields.size() > 1, "the spec has one file field");
    Path file = Files.write(temp.resolve("late.m4a"), new byte[4096]);
    StartChatRequest request = minimal().field(fileFields.get(0), Attachment.of("big.bin", new byte[256 * 1024]))
        .field(fileFields.get(fileFields.size() - 1), Attachment.of(file)).build();

    try (UnipileChatClient client = clientRunningBeforeTheBody(() -> truncate(file, 10))) {
      assertThatThrownBy(() -> client.startChat(request)).isInstanceOf(OutcomeUnknownException.class)
          .satisfies(e -> assertThat(((UnipileException) e).mayHaveBeenSent()).isTrue());
    }
  }
}
