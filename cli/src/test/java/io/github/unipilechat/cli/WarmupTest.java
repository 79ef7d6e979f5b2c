package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which command lines get the spec read ahead on a second thread (a guess: wrong ones cost CPU, not results). */
class WarmupTest {
  private static Console console(Map<String, String> env) {
    return new Console(env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
  }

  private static boolean wanted(String... args) {
    return Warmup.wanted(console(Map.of()), args);
  }

  @Test
  void verifyPactAgainstTheBundledSpec() {
    assertThat(wanted("verify-pact", "a.json", "b.json")).isTrue();
    assertThat(wanted("verify-pact", "a.json", "--spec", "other.json")).isFalse();
    assertThat(wanted("verify-pact", "--spec=other.json", "a.json")).isFalse();
  }

  @Test
  void startChatHeadedForTheEmbeddedMock() {
    assertThat(wanted("start-chat", "--account-id", "a", "--attendee", "b")).isTrue();
    assertThat(wanted("start-chat", "--mock", "--account-id", "a")).isTrue();
    assertThat(wanted("start-chat", "--base-url", "https://api.example", "--account-id", "a")).isFalse();
    assertThat(wanted("start-chat", "--dsn=api8.unipile.com:13851")).isFalse();
    assertThat(Warmup.wanted(console(Map.of(StartChatCommand.DSN_ENV, "api8.unipile.com:13851")), "start-chat")).isFalse();
  }

  private static boolean mockStartedEarly(Map<String, String> env, String... args) {
    try (EmbeddedMock mock = Warmup.embeddedMockFor(console(env), args)) {
      return mock.startedEarly();
    }
  }

  @Test
  void theEmbeddedMockStartsEarlyOnlyWhereStartChatWillSendToIt() {
    assertThat(mockStartedEarly(Map.of(), "start-chat", "--account-id", "a", "--attendee", "b")).isTrue();
    assertThat(mockStartedEarly(Map.of(StartChatCommand.API_KEY_ENV, "k"), "start-chat", "--mock")).isTrue();
    assertThat(mockStartedEarly(Map.of(StartChatCommand.API_KEY_ENV, "k"), "start-chat", "--account-id", "a")).isFalse();
    assertThat(mockStartedEarly(Map.of(), "start-chat", "--api-key=k", "--account-id", "a")).isFalse();
    assertThat(mockStartedEarly(Map.of(), "start-chat", "--base-url", "https://api.example")).isFalse();
    assertThat(mockStartedEarly(Map.of(), "start-chat", "--mock", "--help")).isFalse();
    assertThat(mockStartedEarly(Map.of(), "verify-pact", "a.json")).isFalse();
  }

  @Test
  void anEarlyMockThatDoesNotFitIsReplacedAndStillAnswers() {
    try (EmbeddedMock early = EmbeddedMock.startEarly(false);
        io.github.unipilechat.contract.mock.MockUnipileServer mock = early.take(true)) {
      assertThat(mock.baseUrl()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void notForHelpVersionOrTheOtherCommands() {
    assertThat(wanted("verify-pact", "--help")).isFalse();
    assertThat(wanted("start-chat", "-h")).isFalse();
    assertThat(wanted("mock-server")).isFalse();
    assertThat(wanted("help", "verify-pact")).isFalse();
  }

  @Test
  void theCommandStillWorksWhenTheWarmupRunsBesideIt() throws Exception {
    java.nio.file.Path pact = java.nio.file.Path.of(getClass().getResource("/pacts/follow-up-in-2-days.json").toURI());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(Map.of(), new PrintStream(out, true, "UTF-8"), new PrintStream(new ByteArrayOutputStream()));

    assertThat(Main.run(console, "verify-pact", pact.toString())).isEqualTo(1);
    assertThat(out.toString("UTF-8")).contains("linkedin.follow_up.scheduled_time.days");
  }
}
