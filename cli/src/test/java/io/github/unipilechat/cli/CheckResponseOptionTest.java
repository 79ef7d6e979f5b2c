package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.internal.startchat.ProviderSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code start-chat --check-response off|warn|fail}: warnings on stderr one line each, exit codes, no secret. */
class CheckResponseOptionTest {
  private static final String KEY = "cli-secret-77ab";
  private static final String TEXT = "Private words for the recipient";
  private static final String RENAMED = "{\"object\":\"ChatStarted\",\"chatId\":\"c1\",\"message_id\":\"m1\"}";

  @RegisterExtension final StartChatCli cli = new StartChatCli(KEY);

  @Test
  void warnIsTheDefaultAndPrintsEachDifferenceOnOneLine() {
    cli.answer(201, RENAMED);

    assertThat(run()).isZero();
    assertThat(cli.stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":null,\"message_id\":\"m1\"}");
    assertThat(warnings()).containsExactly(
        "warning: response differs from the spec: HTTP 201 at /chat_id (missing field): spec says a required field; "
            + "got absent",
        "warning: response differs from the spec: HTTP 201 at /chatId (not described): spec says no such field (it "
            + "describes " + String.join(", ", createdFields()) + "); got a string");
  }

  /** The 201 body's fields, in the order the spec lists them (the warning names them so). */
  private static List<String> createdFields() {
    List<String> fields = new ArrayList<>();
    ProviderSpec.document().at("/paths/~1api~1v1~1chats/post/responses/201/content").forEach(media ->
        media.at("/schema/properties").fieldNames().forEachRemaining(fields::add));
    return fields;
  }

  @Test
  void failPrintsTheStartedChatAndExitsFive() {
    cli.answer(201, RENAMED);

    assertThat(run("--check-response", "fail")).isEqualTo(ExitCodes.RESPONSE_DRIFT);
    assertThat(cli.stdout().trim()).isEqualTo("{\"object\":\"ChatStarted\",\"chat_id\":null,\"message_id\":\"m1\"}");
    assertThat(warnings()).hasSize(2);
    assertThat(cli.stderr()).contains("error: Unipile start-chat: the chat WAS started (chat_id=null, message_id=m1; do "
        + "not send it again)");
  }

  @Test
  void failOnAnErrorAnswerKeepsItsExitCode() {
    cli.answer(422, "{\"title\":\"" + TEXT + "\",\"type\":\"errors/brand_new\",\"status\":422}");

    assertThat(run("--check-response", "fail")).isEqualTo(ExitCodes.API_ERROR);
    assertThat(warnings()).singleElement().asString().startsWith(
        "warning: response differs from the spec: HTTP 422 at /type (enum value): spec says one of [");
  }

  @Test
  void offPrintsNothing() {
    cli.answer(201, RENAMED);

    assertThat(run("--check-response", "OFF")).isZero();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aMistypedLevelIsRefusedWithoutEchoingIt() {
    assertThat(run("--check-response", KEY)).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("--check-response", "expected off, warn or fail");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  private int run(String... extra) {
    List<String> args = new ArrayList<>(List.of("--text", TEXT));
    args.addAll(List.of(extra));
    int code = cli.run(Map.of(), cli.args(args.toArray(String[]::new)));
    assertThat(cli.stdout() + cli.stderr()).doesNotContain(KEY);
    // The warnings never show the message text (an error's own message shows the provider's title, as before).
    assertThat(String.join("\n", warnings())).doesNotContain(TEXT);
    return code;
  }

  private List<String> warnings() {
    return Arrays.stream(cli.stderr().split("\\R")).filter(line -> line.startsWith("warning:")).toList();
  }
}
