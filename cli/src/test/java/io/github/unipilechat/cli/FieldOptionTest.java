package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --field NAME=VALUE} and {@code --field NAME=@PATH}, read the way {@code curl -F} reads them. */
class FieldOptionTest {
  @RegisterExtension final StartChatCli cli = new StartChatCli("k");

  @TempDir Path temp;

  private int startChat(String... extra) {
    return cli.run(Map.of(), cli.args(extra));
  }

  private String sentBody() throws InterruptedException {
    return cli.server().takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
  }

  private void created() {
    cli.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"c1\",\"message_id\":\"m1\"}").build());
  }

  @Test
  void nameEqualsValueIsATextPart() throws Exception {
    created();

    assertThat(startChat("--field", "subject=By name", "--text", "Hello")).as(cli.stderr()).isZero();

    String body = sentBody();
    assertThat(body).containsPattern("name=\"subject\"\r\nContent-Type: text/plain; charset=UTF-8\r\n(Content-Length: 7\r\n)?\r\nBy name\r\n");
    List<String> specOrder = FormSchema.provider().fields().stream().map(FormField::name).toList();
    assertThat(body.indexOf("name=\"text\"") < body.indexOf("name=\"subject\"")).as("the spec's order")
        .isEqualTo(specOrder.indexOf("text") < specOrder.indexOf("subject"));
  }

  @Test
  void aRepeatedFieldRepeatsItsParts() throws Exception {
    created();

    assertThat(startChat("--field", "attendees_ids=ACoAAB2", "--field", "attendees_ids=ACoAAB3")).isZero();

    String body = sentBody();
    assertThat(body.indexOf("ACoAAB1")).isLessThan(body.indexOf("ACoAAB2"));
    assertThat(body.indexOf("ACoAAB2")).isLessThan(body.indexOf("ACoAAB3"));
  }

  @Test
  void atPathIsAFilePart() throws Exception {
    created();
    Path voice = Files.writeString(temp.resolve("hello.txt"), "file body");

    assertThat(startChat("--field", "voice_message=@" + voice)).as(cli.stderr()).isZero();

    assertThat(sentBody()).contains("name=\"voice_message\"; filename=\"hello.txt\"", "file body");
  }

  @Test
  void anUnknownNameExitsTwoNamingTheKnownOnesAndSendsNothing() {
    int code = startChat("--field", "no_such_field=secret-value");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("no_such_field", "account_id").doesNotContain("secret-value");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void anUnknownNameIsRefusedNamingTheFlagThatSendsIt() {
    assertThat(startChat("--field", "no_such_field=x")).isEqualTo(ExitCodes.INVALID_INPUT);

    assertThat(cli.stderr()).contains("--accept-not-described sends what the spec does not describe")
        .doesNotContain("StartChatRequest.Builder");
  }

  @Test
  void controlCharactersInARefusedNameAreEscapedNotPrinted() {
    assertThat(startChat("--field", "evil\u001b[2J\r\nerror: none\u0007=x")).isEqualTo(ExitCodes.INVALID_INPUT);

    assertThat(cli.stderr()).contains("evil\\u001b[2J  error: none\\u0007: is not described")
        .doesNotContain("\u001b").doesNotContain("\u0007").hasLineCount(1);
  }

  @Test
  void acceptNotDescribedSendsAnUnknownNameAfterTheSpecsFields() throws Exception {
    created();

    assertThat(startChat("--accept-not-described", "--field", "no_such_field=x", "--text", "Hello"))
        .as(cli.stderr()).isZero();

    String body = sentBody();
    assertThat(body).contains("name=\"no_such_field\"");
    assertThat(body.indexOf("name=\"text\"")).isLessThan(body.indexOf("name=\"no_such_field\""));
  }

  @Test
  void acceptNotDescribedReachesTheEmbeddedMock() {
    int code = cli.run(Map.of(), "start-chat", "--mock", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--accept-not-described", "--field", "no_such_field=x");

    assertThat(code).as(cli.stderr()).isZero();
    assertThat(cli.stdout()).contains("ChatStarted");
  }

  @Test
  void withoutAnEqualsSignItIsRefused() {
    assertThat(startChat("--field", "subject")).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.server().getRequestCount()).isZero();
  }
}
