package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartChatCommandTest {
  private static final String KEY = "cli-secret-51d0";

  @RegisterExtension final StartChatCli cli = new StartChatCli(KEY);

  @Test
  void printsTheResponseJsonAndExitsZero() {
    cli.answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello"))).isZero();
    assertThat(cli.stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");
    assertThat(cli.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void targetAndKeyComeFromTheEnvironment() throws Exception {
    cli.answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");

    int code = cli.run(Map.of("UNIPILE_BASE_URL", cli.server().url("/").toString(), "UNIPILE_API_KEY", KEY),
        "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1");

    assertThat(code).isZero();
    assertThat(cli.server().takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-API-KEY")).isEqualTo(KEY);
  }

  @Test
  void linkedInJsonAndFollowUpFilesAreSentAsBracketFields() throws Exception {
    cli.answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}");
    Path note = Path.of(getClass().getResource("/note.txt").toURI());

    int code = cli.run(Map.of(), cli.args("--linkedin",
        "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\",\"scheduled_time\":{\"days\":5,\"timezone\":\"Europe/Paris\"}}}",
        "--follow-up-attach", note.toString(), "--attach", note.toString()));

    assertThat(code).as(cli.stderr()).isZero();
    String body = cli.server().takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    assertThat(body).contains("name=\"linkedin[api]\"", "name=\"linkedin[follow_up][scheduled_time][days]\"",
        "name=\"linkedin[follow_up][attachments]\"; filename=\"note.txt\"", "name=\"attachments\"; filename=\"note.txt\"");
  }

  @Test
  void refusedInputExitsTwoWithOneLineAndSendsNothing() {
    int code = cli.run(Map.of(), cli.args("--linkedin", "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\","
        + "\"scheduled_time\":{\"days\":2,\"timezone\":\"UTC\"}}}"));

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).startsWith("error: invalid start-chat request: linkedin.follow_up.scheduled_time.days")
        .doesNotContain("\tat ").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void apiErrorExitsOneNamingStatusWithoutTheKey() {
    cli.answer(422, "{\"title\":\"No connection\",\"type\":\"errors/no_connection_with_recipient\",\"status\":422,\"detail\":\"" + KEY + "\"}");

    int code = cli.run(Map.of(), cli.args("--text", "Hello"));

    assertThat(code).isEqualTo(1);
    assertThat(cli.stderr()).contains("422", "errors/no_connection_with_recipient").doesNotContain(KEY).doesNotContain("\tat ").hasLineCount(1);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorSaysTheMessageMayHaveGoneOut() {
    cli.answer(500, "{\"title\":\"Oops\",\"type\":\"errors/unexpected_error\",\"status\":500}");

    int code = cli.run(Map.of(), cli.args("--text", "Hello"));

    assertThat(code).isEqualTo(4);
    assertThat(cli.stderr()).contains("500", "errors/unexpected_error").containsIgnoringCase("may have").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void timeoutEndsTheCallAndSaysTheOutcomeIsUnknown() {
    cli.server().enqueue(new MockResponse.Builder().code(201).headersDelay(5, TimeUnit.SECONDS)
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}").build());

    int code = cli.run(Map.of(), cli.args("--timeout", "1"));

    assertThat(code).isEqualTo(4);
    assertThat(cli.stderr()).containsIgnoringCase("may have").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedConnectionExitsThreeAfterRetries() {
    cli.server().close();

    int code = cli.run(Map.of(), cli.args("--text", "Hello"));

    assertThat(code).isEqualTo(3);
    assertThat(cli.stderr()).hasLineCount(1).doesNotContain(KEY);
  }

  @Test
  void verboseAddsTheStackTrace() {
    cli.answer(422, "{\"title\":\"No connection\",\"type\":\"errors/no_connection_with_recipient\",\"status\":422}");

    assertThat(cli.run(Map.of(), cli.args("--verbose"))).isEqualTo(1);
    assertThat(cli.stderr()).contains("errors/no_connection_with_recipient").contains("\tat ");
  }

  @Test
  void missingApiKeyIsAnInputError() {
    int code = cli.run(Map.of(), "start-chat", "--account-id", "a", "--attendee", "b", "--base-url", cli.server().url("/").toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("--api-key", "UNIPILE_API_KEY");
  }

  @Test
  void withoutATargetTheEmbeddedMockAnswersAndSaysSo() {
    int code = cli.run(Map.of(), "start-chat", "--account-id", "demo", "--attendee", "ACoAABdemo", "--text", "Hello");

    assertThat(code).as(cli.stderr()).isZero();
    assertThat(cli.stdout()).startsWith("{\"object\":\"ChatStarted\",\"chat_id\":\"");
    assertThat(cli.stderr()).contains("embedded mock server", "--dsn", "UNIPILE_API_KEY");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void linkedInOptionsPassTheEmbeddedMocksSpecCheck() {
    int code = cli.run(Map.of(), "start-chat", "--account-id", "demo", "--attendee", "ACoAABdemo",
        "--linkedin", "{\"api\":\"sales_navigator\"}", "--text", "Hi");

    assertThat(code).as(cli.stderr()).isZero();
  }

  @Test
  void baseUrlAndDsnTogetherAreRefused() {
    int code = cli.run(Map.of("UNIPILE_DSN", "api8.unipile.com:13851"), cli.args());

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("--base-url and --dsn");
  }

  private static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}";

  @TempDir Path temp;

  /** picocli's @-file expansion is off: "@path" is the argument itself, never the file's contents. */
  @Test
  void anAtArgumentIsSentAsItIsNotReadAsAFile() throws Exception {
    Path secret = Files.writeString(temp.resolve("hostname"), "contents-of-a-local-file");
    cli.answer(201, CREATED);

    assertThat(cli.run(Map.of(), cli.args("--text", "@" + secret))).as(cli.stderr()).isZero();

    String body = cli.server().takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    assertThat(body).contains("@" + secret).doesNotContain("contents-of-a-local-file");
  }

  @Test
  void linkedInAtFileReadsTheWholeJsonFile() throws Exception {
    Path options = Files.writeString(temp.resolve("options.json"), "{\n  \"api\": \"recruiter\",\n  \"follow_up\": {"
        + "\"subject\": \"Following up\", \"text\": \"Any news?\",\n  \"scheduled_time\": {\"days\": 5, \"timezone\": \"Europe/Paris\"}}}\n");
    cli.answer(201, CREATED);

    assertThat(cli.run(Map.of(), cli.args("--linkedin", "@" + options))).as(cli.stderr()).isZero();

    String body = cli.server().takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    assertThat(body).contains("name=\"linkedin[api]\"", "Following up", "Any news?",
        "name=\"linkedin[follow_up][scheduled_time][timezone]\"");
  }

  @Test
  void linkedInAtFileThatIsMissingOrTooLargeExitsTwoWithOneLine() throws Exception {
    Path large = temp.resolve("large.json");
    Files.write(large, new byte[(int) StartChatCommand.LINKEDIN_FILE_LIMIT + 1]);

    assertThat(cli.run(Map.of(), cli.args("--linkedin", "@" + temp.resolve("missing.json")))).isEqualTo(2);
    assertThat(cli.run(Map.of(), cli.args("--linkedin", "@" + large))).isEqualTo(2);

    assertThat(cli.stderr()).hasLineCount(2).contains("missing.json: no such file", "large.json: 1048577 bytes, more than");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  /** Picocli's message would echo the value ("Unknown options: '--apikey', 'SECRET'"). */
  @ParameterizedTest
  @ValueSource(strings = {"--apikey SECRET-9c1", "--apikey=SECRET-9c1", "--timeout SECRET-9c1", "SECRET-9c1",
      "--text", "--api-key=" + KEY + " --api-key SECRET-9c1"})
  void aBadCommandLineNeverEchoesAnArgumentValue(String extra) {
    List<String> all = new ArrayList<>(List.of("start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", cli.server().url("/").toString()));
    all.addAll(List.of(extra.split(" ")));

    assertThat(cli.run(Map.of(), all.toArray(String[]::new))).isEqualTo(2);

    assertThat(cli.stderr()).startsWith("error: ").hasLineCount(1).doesNotContain("SECRET-9c1").doesNotContain(KEY);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void aMistypedOptionIsNamedWithASuggestion() {
    assertThat(cli.run(Map.of(), cli.args("--apikey", "SECRET-9c1"))).isEqualTo(2);

    assertThat(cli.stderr()).contains("unknown option '--apikey'", "not shown", "--api-key").doesNotContain("SECRET-9c1");
  }

  /** A misspelled UNIPILE_DSN used to send the real key to the embedded mock and exit 0 with made-up ids. */
  @Test
  void aKeyWithoutATargetIsRefusedNamingTheMissingVariables() {
    int code = cli.run(Map.of("UNIPILE_API_KEY", KEY, "UNIPILE_DNS", "api8.unipile.com:13851"),
        "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1", "--text", "Hello");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).hasLineCount(1).contains("UNIPILE_DSN", "UNIPILE_BASE_URL", "nothing was sent", "--mock")
        .doesNotContain(KEY).doesNotContain("embedded mock server at");
    assertThat(cli.stdout()).isEmpty();
  }

  @Test
  void mockSendsToTheEmbeddedMockEvenWithAKeyButNotWithATarget() {
    assertThat(cli.run(Map.of("UNIPILE_API_KEY", KEY), "start-chat", "--account-id", "demo", "--attendee", "ACoAABdemo",
        "--text", "Hello", "--mock")).as(cli.stderr()).isZero();
    assertThat(cli.stdout()).startsWith("{\"object\":\"ChatStarted\"");

    assertThat(cli.run(Map.of(), cli.args("--mock"))).isEqualTo(2);
    assertThat(cli.stderr()).contains("--mock and a target");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void aKeyEchoedWithJsonEscapesNeverReachesStderr() {
    String key = "cli/secret-51d0";
    cli.answer(422, "{\"title\":\"No connection\",\"type\":\"errors/no_connection_with_recipient\",\"status\":422,"
        + "\"detail\":\"you sent cli\\/secret-51d0 and \\u0063li/secret-51d0\"}");

    int code = cli.run(Map.of("UNIPILE_API_KEY", key), "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", cli.server().url("/").toString(), "--verbose");

    assertThat(code).isEqualTo(1);
    assertThat(cli.stderr()).contains("you sent [redacted] and [redacted]").doesNotContain(key)
        .doesNotContain("cli\\/secret-51d0").doesNotContain("\\u0063li/secret-51d0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}"})
  void aSuccessStatusTheSpecDoesNotDocumentExitsFour(String body) {
    cli.answer(200, body);

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello"))).isEqualTo(4);
    assertThat(cli.stderr().lines().filter(line -> line.startsWith("error: "))).singleElement().asString()
        .contains("HTTP 200", "may have been sent");
    assertThat(cli.stderr()).contains("warning: response differs from the spec: HTTP 200 (status not documented)");
    assertThat(cli.stdout()).isEmpty();
  }

  @Test
  void aCreatedWithoutAChatStartedBodyExitsFour() {
    cli.answer(201, "{}");

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello"))).isEqualTo(4);
    assertThat(cli.stdout()).isEmpty();
  }

  /** --timeout 5 used to run 124 s here: two capped 60 s waits. No wait may end past the deadline. */
  @Test
  void timeoutBoundsTheWholeRunAcrossRetries() {
    for (int i = 0; i < 3; i++) {
      cli.server().enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "999999")
          .addHeader("Content-Type", "application/json")
          .body("{\"title\":\"Slow down\",\"type\":\"errors/too_many_requests\",\"status\":429}").build());
    }

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello", "--timeout", "5"))).isEqualTo(1);

    assertThat(cli.server().getRequestCount()).isEqualTo(1);
    assertThat(cli.stderr()).contains("429").hasLineCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "0", "-1", "86401"})
  void aTimeoutOutOfRangeExitsTwo(String seconds) {
    assertThat(cli.run(Map.of(), cli.args("--timeout", seconds))).isEqualTo(2);

    assertThat(cli.stderr()).startsWith("error: --timeout: expected 1 to 86400 seconds").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  /** Used to exit 4 after opening a connection. Root reads mode-000 files, so then a write-only sysfs file. */
  @Test
  void anUnreadableAttachmentExitsTwoAndSendsNothing() throws Exception {
    Path file = Files.write(temp.resolve("cv.pdf"), new byte[] {1});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Path unreadable = canOpen(file) ? Path.of("/sys/bus/pci/rescan") : file;
    assumeTrue(Files.isRegularFile(unreadable) && !canOpen(unreadable), "no unreadable regular file here");

    assertThat(cli.run(Map.of(), cli.args("--attach", unreadable.toString()))).isEqualTo(2);

    assertThat(cli.stderr()).contains("cannot read").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  private static boolean canOpen(Path path) {
    try {
      Files.newInputStream(path).close();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void blankTextExitsTwo() {
    assertThat(cli.run(Map.of(), cli.args("--text", "  "))).isEqualTo(2);

    assertThat(cli.stderr()).contains("text: must not be blank").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void anyOtherLocalFailureIsExitTwoNeverOne() {
    assertThat(Failures.exitCode(new java.io.IOException("disk"))).isEqualTo(2);
    assertThat(Failures.exitCode(new IllegalStateException("bug"))).isEqualTo(2);
    assertThat(Failures.exitCode(new ArithmeticException("overflow"))).isEqualTo(2);
  }
}
