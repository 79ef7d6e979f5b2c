package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartChatCommandTest {
  private static final String KEY = "cli-secret-51d0";

  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    server.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(Map<String, String> env, String... args) {
    Console console = new Console(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.run(console, args);
  }

  private String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of("start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", server.url("/").toString(), "--api-key", KEY));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void printsTheResponseJsonAndExitsZero() {
    answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");

    assertThat(run(Map.of(), args("--text", "Hello"))).isZero();
    assertThat(stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void targetAndKeyComeFromTheEnvironment() throws Exception {
    answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");

    int code = run(Map.of("UNIPILE_BASE_URL", server.url("/").toString(), "UNIPILE_API_KEY", KEY),
        "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1");

    assertThat(code).isZero();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-API-KEY")).isEqualTo(KEY);
  }

  @Test
  void linkedInJsonAndFollowUpFilesAreSentAsBracketFields() throws Exception {
    answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");
    Path note = Path.of(getClass().getResource("/note.txt").toURI());

    int code = run(Map.of(), args("--linkedin",
        "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\",\"scheduled_time\":{\"days\":5,\"timezone\":\"Europe/Paris\"}}}",
        "--follow-up-attach", note.toString(), "--attach", note.toString()));

    assertThat(code).as(stderr()).isZero();
    String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    assertThat(body).contains("name=\"linkedin[api]\"", "name=\"linkedin[follow_up][scheduled_time][days]\"",
        "name=\"linkedin[follow_up][attachments]\"; filename=\"note.txt\"", "name=\"attachments\"; filename=\"note.txt\"");
  }

  @Test
  void refusedInputExitsTwoWithOneLineAndSendsNothing() {
    int code = run(Map.of(), args("--linkedin", "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\","
        + "\"scheduled_time\":{\"days\":2,\"timezone\":\"UTC\"}}}"));

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).startsWith("error: invalid start-chat request: linkedin.follow_up.scheduled_time.days")
        .doesNotContain("\tat ").hasLineCount(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void apiErrorExitsOneNamingStatusWithoutTheKey() {
    answer(422, "{\"title\":\"No connection\",\"type\":\"errors/no_connection_with_recipient\",\"status\":422,\"detail\":\"" + KEY + "\"}");

    int code = run(Map.of(), args("--text", "Hello"));

    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("422", "errors/no_connection_with_recipient").doesNotContain(KEY).doesNotContain("\tat ").hasLineCount(1);
    assertThat(stdout()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorSaysTheMessageMayHaveGoneOut() {
    answer(500, "{\"title\":\"Oops\",\"type\":\"errors/unexpected_error\",\"status\":500}");

    int code = run(Map.of(), args("--text", "Hello"));

    assertThat(code).isEqualTo(4);
    assertThat(stderr()).contains("500", "errors/unexpected_error").containsIgnoringCase("may have").hasLineCount(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void timeoutEndsTheCallAndSaysTheOutcomeIsUnknown() {
    server.enqueue(new MockResponse.Builder().code(201).headersDelay(5, TimeUnit.SECONDS)
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}").build());

    int code = run(Map.of(), args("--timeout", "1"));

    assertThat(code).isEqualTo(4);
    assertThat(stderr()).containsIgnoringCase("may have").hasLineCount(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedConnectionExitsThreeAfterRetries() {
    server.close();

    int code = run(Map.of(), args("--text", "Hello"));

    assertThat(code).isEqualTo(3);
    assertThat(stderr()).hasLineCount(1).doesNotContain(KEY);
  }

  @Test
  void verboseAddsTheStackTrace() {
    answer(422, "{\"title\":\"No connection\",\"type\":\"errors/no_connection_with_recipient\",\"status\":422}");

    assertThat(run(Map.of(), args("--verbose"))).isEqualTo(1);
    assertThat(stderr()).contains("errors/no_connection_with_recipient").contains("\tat ");
  }

  @Test
  void missingApiKeyIsAnInputError() {
    int code = run(Map.of(), "start-chat", "--account-id", "a", "--attendee", "b", "--base-url", server.url("/").toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("--api-key", "UNIPILE_API_KEY");
  }

  @Test
  void withoutATargetTheEmbeddedMockAnswersAndSaysSo() {
    int code = run(Map.of(), "start-chat", "--account-id", "demo", "--attendee", "ACoAABdemo", "--text", "Hello");

    assertThat(code).as(stderr()).isZero();
    assertThat(stdout()).startsWith("{\"object\":\"ChatStarted\",\"chat_id\":\"");
    assertThat(stderr()).contains("embedded mock server", "--dsn", "UNIPILE_API_KEY");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void linkedInOptionsPassTheEmbeddedMocksSpecCheck() {
    int code = run(Map.of(), "start-chat", "--account-id", "demo", "--attendee", "ACoAABdemo",
        "--linkedin", "{\"api\":\"sales_navigator\"}", "--text", "Hi");

    assertThat(code).as(stderr()).isZero();
  }

  @Test
  void baseUrlAndDsnTogetherAreRefused() {
    int code = run(Map.of("UNIPILE_DSN", "api8.unipile.com:13851"), args());

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("--base-url and --dsn");
  }
}
