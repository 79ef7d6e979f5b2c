package io.github.unipilechat.drift;

import static io.github.unipilechat.drift.DriftFinding.Kind.ENUM_VALUE;
import static io.github.unipilechat.drift.DriftFinding.Kind.MISSING_FIELD;
import static io.github.unipilechat.drift.DriftFinding.Kind.NOT_DESCRIBED;
import static io.github.unipilechat.drift.DriftFinding.Kind.UNDOCUMENTED_STATUS;
import static io.github.unipilechat.wire.ChatServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.OutcomeUnknown;
import io.github.unipilechat.errors.UnexpectedStatusException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnprocessableEntityException;
import io.github.unipilechat.wire.ChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response check against a loopback server: each answer at each level, set on the builder or per call, blocking
 * and async. Every answer is sent twice to one client: the log says each difference once, the listener hears every
 * occurrence, and neither the API key nor the message text appears anywhere.
 */
class ResponseDriftTest {
  static final String TEXT = "Secret plan: meet at the old mill";
  static final StartChatRequest REQUEST = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB123")
      .text(TEXT).build();

  @RegisterExtension
  final ChatServer server = new ChatServer();

  /** What the server answers and what the check must find in it (kind and JSON pointer). */
  enum Answer {
    CONFORMING(201, ChatServer.CREATED),
    RENAMED_ID(201, "{\"object\":\"ChatStarted\",\"chatId\":\"chat_1\",\"message_id\":\"msg_1\"}",
        new Expect(MISSING_FIELD, "/chat_id"), new Expect(NOT_DESCRIBED, "/chatId")),
    EXTRA_FIELD(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_1\",\"message_id\":\"msg_1\",\"echo\":\""
        + TEXT + " " + API_KEY + "\"}", new Expect(NOT_DESCRIBED, "/echo")),
    UNDOCUMENTED_STATUS_(418, ChatServer.errorJson(418, "errors/teapot", TEXT, API_KEY),
        new Expect(UNDOCUMENTED_STATUS, "")),
    UNKNOWN_ERROR_TYPE(422, ChatServer.errorJson(422, "errors/brand_new_type", TEXT, "key " + API_KEY),
        new Expect(ENUM_VALUE, "/type"));

    final int status;
    final String body;
    final List<Expect> expected;

    Answer(int status, String body, Expect... expected) {
      this.status = status;
      this.body = body;
      this.expected = List.of(expected);
    }

    boolean success() {
      return status == 201;
    }
  }

  /** One expected finding. */
  record Expect(DriftFinding.Kind kind, String pointer) {
    static Expect of(DriftFinding finding) {
      return new Expect(finding.kind(), finding.pointer());
    }

    /** How the warning starts: status, pointer, kind. */
    String logged(int status) {
      return "HTTP " + status + (pointer.isEmpty() ? "" : " at " + pointer) + " (" + kind + "): spec says ";
    }
  }

  static Stream<Arguments> everyAnswerAtEveryLevel() {
    List<Arguments> all = new ArrayList<>();
    for (Answer answer : Answer.values()) {
      for (ResponseCheck level : ResponseCheck.values()) {
        for (boolean async : new boolean[] {false, true}) {
          for (boolean perCall : new boolean[] {false, true}) {
            all.add(Arguments.of(answer, level, async ? "async" : "blocking", perCall ? "per call" : "builder"));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} at {1}, {2}, set on the {3}")
  @MethodSource("everyAnswerAtEveryLevel")
  void checksTheAnswerAtItsLevel(Answer answer, ResponseCheck level, String mode, String where) {
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    // Set per call, the level must win over a different client level.
    ResponseCheck clientLevel = where.equals("builder") ? level : level == ResponseCheck.FAIL ? ResponseCheck.OFF
        : ResponseCheck.FAIL;
    CallOptions options = where.equals("builder") ? CallOptions.noRetries()
        : CallOptions.builder().maxRetries(0).checkResponse(level).build();
    List<Object> outcomes = new ArrayList<>();
    List<String> logs;
    String allLogs;
    try (LogCapture log = new LogCapture();
        UnipileChatClient client = server.builder().checkResponse(clientLevel).driftListener(heard::add).build()) {
      for (int call = 0; call < 2; call++) {
        server.enqueue(answer.status, answer.body);
        outcomes.add(send(client, options, mode.equals("async")));
      }
      logs = log.driftLines();
      allLogs = log.text();
    }

    List<Expect> expected = level == ResponseCheck.OFF ? List.of() : answer.expected;
    assertThat(logs).as("one warning per distinct difference, not per call").hasSize(expected.size());
    for (Expect finding : expected) {
      assertThat(logs).filteredOn(line -> line.contains(finding.logged(answer.status))).hasSize(1);
    }
    assertThat(heard).as("the listener hears every occurrence")
        .extracting(Expect::of)
        .containsExactlyElementsOf(Stream.concat(expected.stream(), expected.stream()).toList());
    assertThat(heard).allSatisfy(f -> assertThat(f.status()).isEqualTo(answer.status));

    for (Object outcome : outcomes) {
      assertOutcome(answer, level, outcome);
      assertThat(shown(outcome)).doesNotContain(API_KEY).doesNotContain(TEXT);
    }
    assertThat(allLogs).doesNotContain(API_KEY).doesNotContain(TEXT);
    assertThat(heard.toString()).doesNotContain(API_KEY).doesNotContain(TEXT);
  }

  private static void assertOutcome(Answer answer, ResponseCheck level, Object outcome) {
    boolean drifted = !answer.expected.isEmpty();
    if (answer.success()) {
      if (level == ResponseCheck.FAIL && drifted) {
        assertThat(outcome).isInstanceOf(ResponseDriftException.class).isNotInstanceOf(OutcomeUnknown.class);
        ResponseDriftException e = (ResponseDriftException) outcome;
        assertThat(e.result(ChatStarted.class)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(201));
        assertThat(e.mayHaveBeenSent()).isTrue();
        assertThat(e.getMessage()).contains("the chat WAS started", "do not send it again");
        assertThat(e.findings()).extracting(Expect::of).containsExactlyElementsOf(answer.expected);
      } else {
        assertThat(outcome).isInstanceOf(ChatStarted.class);
        assertThat(((ChatStarted) outcome).messageId()).hasValue("msg_1");
      }
      return;
    }
    Class<?> usual = answer.status == 422 ? UnprocessableEntityException.class : UnexpectedStatusException.class;
    assertThat(outcome).isInstanceOf(usual);
    List<DriftFinding> attached = ResponseDriftException.findingsOf((Throwable) outcome);
    if (level == ResponseCheck.FAIL) {
      assertThat(attached).extracting(Expect::of).containsExactlyElementsOf(answer.expected);
    } else {
      assertThat(attached).isEmpty();
      assertThat(((UnipileApiException) outcome).getSuppressed()).isEmpty();
    }
  }

  private static Object send(UnipileChatClient client, CallOptions options, boolean async) {
    if (async) {
      try {
        return client.startChatAsync(REQUEST, options).join();
      } catch (CompletionException e) {
        return e.getCause();
      }
    }
    try {
      return client.startChat(REQUEST, options);
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * What the check adds to an outcome: a drift failure's message and stack trace, or the drift exception attached
   * to an error (the error's own message shows the provider's title and detail, as it always has).
   */
  private static String shown(Object outcome) {
    if (!(outcome instanceof Throwable t)) {
      return String.valueOf(outcome);
    }
    Throwable drift = t instanceof ResponseDriftException ? t : Stream.of(t.getSuppressed())
        .filter(ResponseDriftException.class::isInstance).findFirst().orElse(null);
    if (drift == null) {
      return "";
    }
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    drift.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    return drift + "\n" + trace.toString(StandardCharsets.UTF_8);
  }
}
