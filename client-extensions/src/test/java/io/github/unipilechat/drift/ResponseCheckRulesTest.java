package io.github.unipilechat.drift;

import io.github.unipilechat.SpecOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.drift.DriftFinding.Kind;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.ServiceUnavailableException;
import io.github.unipilechat.wire.ChatServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The response check's rules beyond the main matrix: its default, content types, enum leniency, the listener. */
class ResponseCheckRulesTest {
  @RegisterExtension
  final ChatServer server = new ChatServer();

  @Test
  void warnIsTheDefault() {
    server.enqueue(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\"new_field\":1}");
    try (LogCapture log = new LogCapture()) {
      ChatStarted started = server.client().startChat(ChatServer.request());
      assertThat(started.chatId()).hasValue("c");
      assertThat(log.driftLines()).singleElement().asString()
          .contains("HTTP 201 at /new_field (not described): spec says no such field (it describes "
              + String.join(", ", SpecOrder.createdFields()) + "); got an integer");
    }
  }

  @Test
  void aConformingAnswerIsQuietAtFail() {
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    server.enqueueCreated();
    server.enqueue(422, ChatServer.errorJson(422, "errors/no_connection_with_recipient", "Not connected", "d"));
    try (LogCapture log = new LogCapture();
        UnipileChatClient client = server.builder().checkResponse(ResponseCheck.FAIL).driftListener(heard::add)
            .build()) {
      assertThat(client.startChat(ChatServer.request()).chatId()).hasValue("chat_1");
      Throwable error = catchThrowable(() -> client.startChat(ChatServer.request()));
      assertThat(ResponseDriftException.findingsOf(error)).isEmpty();
      assertThat(error.getSuppressed()).isEmpty();
      assertThat(log.driftLines()).isEmpty();
    }
    assertThat(heard).isEmpty();
  }

  /**
   * A 201 whose {@code object} the spec does not list is not a {@code ChatStarted}: the outcome stays unknown (only a
   * documented success is a success), and the check says how the answer differs.
   */
  @Test
  void anUnlistedObjectValueIsOutcomeUnknownWithTheDriftReported() {
    String body = "{\"object\":\"ChatCreated\",\"chat_id\":\"c9\",\"message_id\":\"m9\"}";
    server.enqueue(201, body);
    server.enqueue(201, body);
    try (LogCapture log = new LogCapture();
        UnipileChatClient client = server.builder().build()) {
      assertThat(catchThrowable(() -> client.startChat(ChatServer.request())))
          .isInstanceOf(OutcomeUnknownException.class);
      Throwable failed = catchThrowable(() -> client.startChat(ChatServer.request(),
          CallOptions.builder().checkResponse(ResponseCheck.FAIL).build()));
      assertThat(failed).isInstanceOf(OutcomeUnknownException.class);
      assertThat(ResponseDriftException.findingsOf(failed)).extracting(DriftFinding::toString).anyMatch(line ->
          line.contains("HTTP 201 at /object (enum value): spec says one of [ChatStarted]; got \"ChatCreated\""));
      assertThat(log.driftLines()).hasSize(1);
    }
  }

  @Test
  void anHtmlPageUnderADocumentedStatusDiffersInContentTypeAndBody() {
    server.server().enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    try (UnipileChatClient client = server.builder().maxRetries(0).driftListener(heard::add).build()) {
      assertThat(catchThrowable(() -> client.startChat(ChatServer.request())))
          .isInstanceOf(ServiceUnavailableException.class);
    }
    assertThat(heard).extracting(DriftFinding::kind).containsExactly(Kind.CONTENT_TYPE, Kind.BODY_SHAPE);
    assertThat(heard.get(0).expected()).isEqualTo("application/json");
    assertThat(heard.get(0).actual()).isEqualTo("text/html");
    assertThat(heard.get(1).actual()).isEqualTo("a body that is not JSON");
  }

  @Test
  void contentTypeParametersAndCaseDoNotCount() {
    server.server().enqueue(new MockResponse.Builder().code(201)
        .addHeader("Content-Type", "Application/JSON; charset=utf-8").body(ChatServer.CREATED).build());
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    try (UnipileChatClient client = server.builder().driftListener(heard::add).build()) {
      client.startChat(ChatServer.request());
    }
    assertThat(heard).isEmpty();
  }

  @Test
  void aWrongJsonTypeNamesTheTypesNeverTheValue() {
    server.enqueue(400, "{\"title\":{\"nested\":\"Secret plan\"},\"type\":\"errors/invalid_parameters\",\"status\":400}");
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    try (UnipileChatClient client = server.builder().driftListener(heard::add).build()) {
      catchThrowable(() -> client.startChat(ChatServer.request()));
    }
    assertThat(heard).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.BODY_SHAPE);
      assertThat(f.pointer()).isEqualTo("/title");
      assertThat(f.expected()).isEqualTo("type string");
      assertThat(f.actual()).isEqualTo("an object");
    });
  }

  @Test
  void anEchoedKeyInAFieldNameIsRedacted() {
    server.enqueue(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\""
        + ChatServer.API_KEY + "\":1}");
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    try (LogCapture log = new LogCapture();
        UnipileChatClient client = server.builder().driftListener(heard::add).build()) {
      client.startChat(ChatServer.request());
      assertThat(log.driftLines()).singleElement().asString().contains("at /[redacted] (not described)")
          .doesNotContain(ChatServer.API_KEY);
    }
    assertThat(heard).singleElement().satisfies(f -> assertThat(f.pointer()).isEqualTo("/[redacted]"));
  }

  @Test
  void aFailingListenerNeverChangesTheResult() {
    server.enqueue(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\"x\":true}");
    try (LogCapture log = new LogCapture();
        UnipileChatClient client = server.builder().driftListener(f -> {
          throw new IllegalStateException("metrics down " + ChatServer.API_KEY);
        }).build()) {
      assertThat(client.startChat(ChatServer.request()).chatId()).hasValue("c");
      assertThat(log.text()).contains("drift listener failed: java.lang.IllegalStateException")
          .doesNotContain(ChatServer.API_KEY);
    }
  }

  @Test
  void levelsParseAsTheCliSpellsThem() {
    assertThat(ResponseCheck.parse("off")).isEqualTo(ResponseCheck.OFF);
    assertThat(ResponseCheck.parse(" WARN ")).isEqualTo(ResponseCheck.WARN);
    assertThat(ResponseCheck.parse("Fail")).isEqualTo(ResponseCheck.FAIL);
    assertThat(catchThrowable(() -> ResponseCheck.parse("strict"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("check-response: expected off, warn or fail");
  }
}
