package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyPactCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
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
  void missingPactFileIsReported() {
    assertThat(run("verify-pact", "no-such-pact.json")).isEqualTo(2);
  }
}
