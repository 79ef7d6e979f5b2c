package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key never reaches stdout or stderr in any encoding; every line the server's text reaches is bounded. */
class KeyOnEveryStreamTest {
  /** A key that is itself base64, as many are: its padding is what {@code --field KEY} splits at. */
  private static final String KEY = "Y2xpLXNlY3JldC01MWQwLXBhZA==";
  private static final String UNPADDED = "Y2xpLXNlY3JldC01MWQwLXBhZA";
  private static final String BASE64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.US_ASCII));
  private static final int LINE_MAX = 2_000;

  @RegisterExtension final StartChatCli cli = new StartChatCli(KEY);

  /** Used to print the key on stdout and exit 0. */
  @Test
  void aCreatedWhoseChatIdIsTheKeyPrintsItRedacted() {
    cli.answer(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"" + KEY + "\",\"message_id\":\"" + BASE64 + "\"}");

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello"))).as(cli.stderr()).isZero();

    assertThat(cli.stdout().trim())
        .isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":\"[redacted]\",\"message_id\":\"[redacted]\"}");
    assertThat(cli.stdout() + cli.stderr()).doesNotContain(UNPADDED, BASE64.substring(0, 30));
  }

  /** Used to print "HTTP 422 <base64 of the key> (type not in the spec)". */
  @Test
  void anErrorEchoingTheKeyEncodedIsPrintedRedacted() {
    cli.answer(422, "{\"type\":\"" + BASE64 + "\",\"status\":422,\"title\":\"you sent "
        + URLEncoder.encode(KEY, StandardCharsets.UTF_8) + "\"}");

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello", "--verbose"))).isEqualTo(1);

    assertThat(cli.stderr()).contains("HTTP 422 [redacted]", "you sent [redacted]")
        .doesNotContain(UNPADDED, BASE64.substring(0, 30), "Y2xpLXNlY3JldC01MWQwLXBhZA%3D%3D");
  }

  /** The key pasted as a name splits at its first '=': the error used to echo it minus its "==". */
  @ParameterizedTest
  @ValueSource(strings = {KEY, KEY + "=hello", "text=" + KEY})
  void aFieldArgumentHoldingTheKeyIsRefusedWithoutEchoingIt(String argument) {
    assertThat(cli.run(Map.of("UNIPILE_API_KEY", KEY), "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", cli.server().url("/").toString(), "--field", argument, "--verbose")).isEqualTo(2);

    assertThat(cli.stderr()).startsWith("error: --field").doesNotContain(UNPADDED);
    assertThat(cli.server().getRequestCount()).isZero();
  }

  /** Not only the whole key: a key with '=' inside splits there, and the name is its first half. */
  @Test
  void aFieldNameThatIsPartOfTheKeyIsNotEchoed() {
    String key = "part-one-of-the-key=part-two";
    assertThat(cli.run(Map.of("UNIPILE_API_KEY", key), "start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", cli.server().url("/").toString(), "--field", key)).isEqualTo(2);

    assertThat(cli.stderr()).startsWith("error: --field").doesNotContain("part-one-of-the-key", "part-two");
  }

  /** A 422 with a 900 KB type used to print a 900 KB line. */
  @ParameterizedTest
  @ValueSource(strings = {"type", "title", "detail", "instance"})
  void aHugeEchoedFieldPrintsABoundedLine(String field) {
    cli.answer(422, "{\"type\":\"errors/invalid_parameters\",\"status\":422,\"" + field + "\":\"" + "x".repeat(900_000)
        + "\"}");

    assertThat(cli.run(Map.of(), cli.args("--text", "Hello"))).isEqualTo(1);

    assertThat(cli.stderr().lines().filter(line -> line.startsWith("error: "))).singleElement().asString()
        .contains("xxx...");
    assertThat(cli.stderr().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(LINE_MAX));
  }
}
