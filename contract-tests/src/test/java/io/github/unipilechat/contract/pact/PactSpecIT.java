package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code integration-test}, after the consumer tests wrote {@code target/pacts}: every interaction of
 * every generated pact conforms to the provider's spec.
 */
class PactSpecIT {
  static List<Path> generatedPacts() throws Exception {
    Path dir = Path.of(System.getProperty("pact.rootDir", "target/pacts"));
    assertThat(dir).as("the consumer tests wrote the pacts").isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> pacts = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(pacts).isNotEmpty();
      return pacts;
    }
  }

  @Test
  void everyGeneratedInteractionConformsToTheSpec() throws Exception {
    PactSpecVerifier verifier = PactSpecVerifier.bundled();
    for (Path pact : generatedPacts()) {
      PactFile file = PactFile.read(pact);
      assertThat(file.specVersion()).startsWith("4");
      assertThat(file.interactions()).extracting(PactFile.Interaction::description).contains(
          "start a plain chat", "start a Recruiter chat with a follow-up in 5 days and a follow-up file",
          "start a chat while rate limited");
      assertThat(verifier.verify(file)).extracting(PactViolation::toString).isEmpty();
    }
  }

  @Test
  void verifyPactSaysSoAndExitsZero() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = VerifyPact.run(generatedPacts(), null, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("conform to the spec");
    assertThat(code).isZero();
  }
}
