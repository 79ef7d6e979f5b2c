package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/** Only the command named first is registered with picocli; everything else still sees all of them. */
class MainTest {
  private static final List<String> COMMANDS = Main.COMMANDS;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static List<String> commands() {
    return COMMANDS;
  }

  private int run(String... args) {
    return Main.run(new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandNamedFirstRuns(String command) {
    assertThat(run(command, "--help")).isZero();
    assertThat(printed()).contains("Usage: unipile-chat " + command);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandPrintsTheVersion(String command) {
    assertThat(run(command, "--version")).isZero();
    assertThat(printed()).isEqualTo(Version.text() + System.lineSeparator());
  }

  @Test
  void mockServerHelpShowsItsDefaults() {
    assertThat(run("mock-server", "--help")).isZero();

    assertThat(printed()).contains("(default " + io.github.unipilechat.contract.mock.MockUnipileServer.DEFAULT_PORT + ",",
        "(default 127.0.0.1:", "(default " + MockServerCommand.DEFAULT_JOURNAL_SIZE + ")");
  }

  @Test
  void theUsageListsEveryCommand() {
    run();
    assertThat(printed()).contains(COMMANDS);
  }

  @Test
  void helpNamesEveryCommand() {
    for (String command : COMMANDS) {
      assertThat(run("help", command)).isZero();
      assertThat(printed()).contains("Usage: unipile-chat " + command);
    }
  }

  @Test
  void anUnknownCommandIsRefusedWithTheKnownOnesOffered() {
    assertThat(run("verify-pacts", "a.json")).isNotZero();
    assertThat(printed()).contains("verify-pact");
  }

  @Test
  void versionIsPrintedWithoutTheCommandModelAsPicocliWould() {
    assertThat(run("--version")).isZero();
    String shortcut = printed();
    out.reset();
    assertThat(run("-V")).isZero();
    assertThat(printed()).isEqualTo(shortcut);
    java.io.StringWriter picocli = new java.io.StringWriter();
    new picocli.CommandLine(new Main(Console.system()).spec()).printVersionHelp(new java.io.PrintWriter(picocli, true));

    assertThat(shortcut).isEqualTo(picocli.toString()).isEqualTo(Version.text() + System.lineSeparator());
  }
}
