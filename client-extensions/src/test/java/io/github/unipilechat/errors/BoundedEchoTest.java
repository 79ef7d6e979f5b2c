package io.github.unipilechat.errors;

import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.wire.ChatServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the server echoes, a message or toString() is one bounded line, the cut marked, controls escaped. */
class BoundedEchoTest {
  /** Far longer than any line a person reads; the limit is the whole line, every field echoed at once. */
  private static final int LINE_MAX = 2_000;
  private static final String HUGE = "x".repeat(900_000);

  @RegisterExtension
  final ChatServer server = new ChatServer();

  /** A 422 with a 900 KB type used to make a 900 KB message. */
  @ParameterizedTest
  @ValueSource(strings = {"type", "title", "detail", "instance"})
  void aHugeEchoedFieldIsCutWithAVisibleMark(String field) {
    server.enqueue(422, "{\"type\":\"errors/invalid_parameters\",\"status\":422,\"title\":\"t\",\"detail\":\"d\","
        + "\"instance\":\"i\",\"" + field + "\":\"" + HUGE + "\"}");

    UnipileApiException e = catchThrowableOfType(UnipileApiException.class, () -> server.client().startChat(request()));

    for (String seen : List.of(e.getMessage(), e.toString(), e.error().toString(), e.type().toString())) {
      assertThat(seen.length()).as(field).isLessThan(LINE_MAX);
      assertThat(seen).doesNotContain("\n");
    }
    assertThat(e.getMessage()).contains("xxx...");
  }

  @Test
  void theWholeValueIsStillThereForCode() {
    server.enqueue(422, "{\"type\":\"errors/" + HUGE + "\",\"status\":422,\"title\":\"" + "y".repeat(50_000) + "\"}");

    UnipileApiException e = catchThrowableOfType(UnipileApiException.class, () -> server.client().startChat(request()));

    assertThat(e.type().raw()).hasSize(HUGE.length() + "errors/".length());
    assertThat(e.title().orElseThrow()).hasSize(50_000);
  }

  @Test
  void controlCharactersInAnEchoedTypeAreEscapedNotObeyed() {
    server.enqueue(422, "{\"type\":\"errors/\\u001b[31mred\\u0000\\r\\nFAKE\",\"status\":422,\"title\":\"t\"}");

    UnipileApiException e = catchThrowableOfType(UnipileApiException.class, () -> server.client().startChat(request()));

    for (String seen : List.of(e.getMessage(), e.type().toString(), e.error().toString())) {
      assertThat(seen).doesNotContain("\u001b", "\u0000", "\r", "\n").contains("\\u001b[31mred\\u0000 FAKE");
    }
  }

  @Test
  void aHugeChatIdInADriftFailureIsCut() {
    server.enqueue(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"" + HUGE + "\",\"message_id\":\"m\",\"x\":1}");

    ResponseDriftException e;
    try (var client = server.builder().checkResponse(ResponseCheck.FAIL).build()) {
      e = catchThrowableOfType(ResponseDriftException.class, () -> client.startChat(request()));
    }

    assertThat(e.getMessage().length()).isLessThan(LINE_MAX);
    assertThat(e.result(ChatStarted.class).orElseThrow().toString().length()).isLessThan(LINE_MAX);
    assertThat(e.result(ChatStarted.class).orElseThrow().chatId().orElseThrow()).hasSize(HUGE.length());
  }
}
