package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code start-chat --check-response off|warn|fail}: warnings on stderr one line each, exit codes, no secret. */
class CheckResponseOptionTest {
  private static final String KEY = "cli-secret-77ab";
  private static final String TEXT = "Private words for the recipient";
  private static final String RENAMED = "{\"object\":\"ChatStarted\",\"chatId\":\"c1\",\"message_id\":\"m1\"}";

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

  @Test
  void warnIsTheDefaultAndPrintsEachDifferenceOnOneLine() {
    answer(201, RENAMED);

    assertThat(run()).isZero();
    assertThat(stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":null,\"message_id\":\"m1\"}");
    assertThat(warnings()).containsExactly(
        "warning: response differs from the spec: HTTP 201 at /chat_id (missing field): spec says a required field; "
            + "got absent",
        "warning: response differs from the spec: HTTP 201 at /chatId (not described): spec says no such field (it "
            + "describes object, chat_id, message_id); got a string");
  }

  @Test
  void failPrintsTheStartedChatAndExitsFive() {
    answer(201, RENAMED);

    assertThat(run("--check-response", "fail")).isEqualTo(ExitCodes.RESPONSE_DRIFT);
    assertThat(stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":null,\"message_id\":\"m1\"}");
    assertThat(warnings()).hasSize(2);
    assertThat(stderr()).contains("error: Unipile start-chat: the chat WAS started (chat_id=null, message_id=m1; do "
        + "not send it again)");
  }

  @Test
  void failOnAnErrorAnswerKeepsItsExitCode() {
    answer(422, "{\"title\":\"" + TEXT + "\",\"type\":\"errors/brand_new\",\"status\":422}");

    assertThat(run("--check-response", "fail")).isEqualTo(ExitCodes.API_ERROR);
    assertThat(warnings()).singleElement().asString().startsWith(
        "warning: response differs from the spec: HTTP 422 at /type (enum value): spec says one of [");
  }

  @Test
  void offPrintsNothing() {
    answer(201, RENAMED);

    assertThat(run("--check-response", "OFF")).isZero();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aMistypedLevelIsRefusedWithoutEchoingIt() {
    assertThat(run("--check-response", KEY)).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr()).contains("--check-response", "expected off, warn or fail");
    assertThat(server.getRequestCount()).isZero();
  }

  private void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
        .build());
  }

  private int run(String... extra) {
    List<String> args = new ArrayList<>(List.of("start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--text", TEXT, "--base-url", server.url("/").toString(), "--api-key", KEY));
    args.addAll(List.of(extra));
    Console console = new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = Main.run(console, args.toArray(String[]::new));
    assertThat(stdout() + stderr()).doesNotContain(KEY);
    // The warnings never show the message text (an error's own message shows the provider's title, as before).
    assertThat(String.join("\n", warnings())).doesNotContain(TEXT);
    return code;
  }

  private List<String> warnings() {
    return Arrays.stream(stderr().split("\\R")).filter(line -> line.startsWith("warning:")).toList();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
