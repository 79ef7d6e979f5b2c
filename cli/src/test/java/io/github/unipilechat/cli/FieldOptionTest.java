package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.startchat.StartChat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    List<String> specOrder = StartChat.form().fields().stream().map(FormField::name).toList();
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

    assertThat(cli.stderr()).contains("evil\\u001b[2J\\u000d\\u000aerror: none\\u0007: must not contain a control"
        + " character (U+001B at index 4)").doesNotContain("\u001b").doesNotContain("\u0007").hasLineCount(1);
  }

  /** Issue 21 item 7: refused like a file name holding them, however lenient; never sent raw. */
  @Test
  void escAndDelInANameAreRefusedEvenWhenLenient() {
    for (String name : new String[] {"x\u001by", "x\u007fy"}) {
      assertThat(startChat("--accept-not-described", "--field", name + "=v")).as(name).isEqualTo(ExitCodes.INVALID_INPUT);
    }
    assertThat(cli.stderr()).contains("x\\u001by: must not contain a control character")
        .contains("x\\u007fy: must not contain a control character");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  /** Issue 21 item 6, as filed: a second linkedin[api] and days=1 were sent with exit 0. */
  @Test
  void bracketNamesBesideLinkedInAreRefusedEvenWhenLenient() {
    int code = startChat("--accept-not-described", "--linkedin", "{\"api\":\"classic\",\"inmail\":true}",
        "--field", "linkedin[api]=recruiter", "--field", "linkedin[follow_up][scheduled_time][days]=1");

    assertThat(code).as(cli.stderr()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("linkedin: takes one value; it was given twice");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void aKeyGivenTwiceByBracketNamesIsRefusedEvenWhenLenient() {
    int code = startChat("--accept-not-described", "--field", "linkedin[api]=recruiter", "--field",
        "linkedin[api]=classic");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("linkedin.api: takes one value; it was given twice");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void aValueItsRuleRefusesIsRefusedThroughBracketNamesEvenWhenLenient() {
    int code = startChat("--accept-not-described", "--field", "linkedin[api]=recruiter",
        "--field", "linkedin[follow_up][subject]=s", "--field", "linkedin[follow_up][text]=t",
        "--field", "linkedin[follow_up][scheduled_time][timezone]=Europe/Paris",
        "--field", "linkedin[follow_up][scheduled_time][days]=1");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("linkedin.follow_up.scheduled_time.days: must have a minimum value of 3");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void aJsonKeyHoldingBracketsIsRefusedEvenWhenLenient() {
    int code = startChat("--accept-not-described", "--linkedin", "{\"follow_up][scheduled_time][days\":1}");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("linkedin.follow_up][scheduled_time][days: must not contain '[' or ']'");
    assertThat(cli.server().getRequestCount()).isZero();
  }

  @Test
  void bracketNamesSetTheKeysOfLinkedIn() throws Exception {
    created();

    assertThat(startChat("--field", "linkedin[signature]=Jane", "--field", "linkedin[api]=recruiter"))
        .as(cli.stderr()).isZero();

    String body = sentBody();
    assertThat(body).contains("name=\"linkedin[api]\"", "name=\"linkedin[signature]\"");
    assertThat(body.indexOf("name=\"linkedin[api]\"")).isEqualTo(body.lastIndexOf("name=\"linkedin[api]\""));
  }

  /** Issue 21 item 7: --field linkedin=... silently replaced --linkedin and dropped its follow-up files. */
  @Test
  void linkedInGivenByFieldBesideTheLinkedInOptionIsRefused() throws Exception {
    Path notes = Files.writeString(temp.resolve("notes.txt"), "n");
    int code = startChat("--linkedin", "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\","
        + "\"scheduled_time\":{\"days\":5,\"timezone\":\"Europe/Paris\"}}}", "--follow-up-attach", notes.toString(),
        "--field", "linkedin={\"inmail\":true}");

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("linkedin: takes one value; it was given twice");
    assertThat(cli.server().getRequestCount()).isZero();
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
  /** Issue 21 item 8: procfs reports 0 bytes; the part said 0 and the body was cut short, "may have been sent". */
  @Test
  void aFileReportingNoSizeIsSentWhole() throws Exception {
    Path proc = Path.of("/proc/version");
    assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0, "no procfs here");
    String content = Files.readString(proc);
    created();

    assertThat(startChat("--field", "voice_message=@" + proc)).as(cli.stderr()).isZero();

    assertThat(sentBody()).contains("filename=\"version\"", content);
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = temp.resolve("pipe.m4a");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0 && Files.exists(fifo), "no mkfifo here");

    int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> startChat("--field", "voice_message=@" + fifo));

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.stderr()).contains("not a regular file").hasLineCount(1);
    assertThat(cli.server().getRequestCount()).isZero();
  }
}
