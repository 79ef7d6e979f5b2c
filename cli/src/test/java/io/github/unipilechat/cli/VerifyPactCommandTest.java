package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyPactCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
  }

  @Test
  void withoutAPactFileTheCommandLineIsRefused() {
    assertThat(run("verify-pact")).isEqualTo(ExitCodes.INVALID_INPUT);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: Missing required parameter: 'PACT.json'; see 'unipile-chat verify-pact --help'");
  }

  @Test
  void theHelpShowsTheDefaultFileSizeLimit() {
    assertThat(run("verify-pact", "--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("(default " + io.github.unipilechat.contract.pact.PactFile.DEFAULT_MAX_BYTES + ")");
  }

  @Test
  void brokenPactExitsNonZeroWithOneLinePerViolation() throws Exception {
    Path pact = Path.of(getClass().getResource("/pacts/follow-up-in-2-days.json").toURI());

    int code = run("verify-pact", pact.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
        .contains("linkedin.follow_up.scheduled_time.days");
  }

  @Test
  void notDescribedIsReportedByDefaultAndAcceptedWithTheSwitch(@TempDir Path dir) throws Exception {
    Path valid = Path.of(getClass().getResource("/pacts/follow-up-in-2-days.json").toURI());
    Path pact = dir.resolve("undescribed.json");
    // The same pact with days=5 (valid) and one LinkedIn key no shape describes.
    Files.writeString(pact, Files.readString(valid).replace("\\r\\n\\r\\n2\\r\\n", "\\r\\n\\r\\n5\\r\\n")
        .replace("linkedin[signature]", "linkedin[signatur]"));

    assertThat(run("verify-pact", pact.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("request field linkedin.signatur: is not described by the spec; the provider may ignore it")
        .contains("1 of them not described by the spec");
    assertThat(run("verify-pact", "--accept-not-described", pact.toString())).isZero();
    assertThat(run("verify-pact", "--accept-not-described", valid.toString())).isEqualTo(1);
  }

  @Test
  void missingPactFileIsReported() {
    assertThat(run("verify-pact", "no-such-pact.json")).isEqualTo(2);
  }

  @Test
  void pactWithoutInteractionsIsNothingCheckedNotAPass(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"interactions\":[]}");

    assertThat(run("verify-pact", empty.toString())).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing was checked").doesNotContain("conform");
  }

  @Test
  void hostilePactIsOneLineNeverAStackTrace(@TempDir Path dir) throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000));

    int code = run("verify-pact", deep.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1).contains("deep.json").doesNotContain("\tat ");
  }

  @Test
  void fileOverMaxFileSizeIsRefusedBeforeReading() throws Exception {
    Path pact = Path.of(getClass().getResource("/pacts/follow-up-in-2-days.json").toURI());

    assertThat(run("verify-pact", "--max-file-size", "10", pact.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("over the 10-byte limit");
  }
}
