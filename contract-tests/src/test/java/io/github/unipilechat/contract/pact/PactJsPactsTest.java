package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pacts written by Pact JS 16.5 (src/test/resources/external/pactjs, made by make-fixtures.js next to them):
 * V3 and V4, bodies set with withRequestBody and with multipartBody(), good and bad. Each verdict is asserted.
 */
class PactJsPactsTest {
  private static final PactSpecVerifier VERIFIER = PactSpecVerifier.bundled();

  private static Path pact(String consumer) throws Exception {
    return PactJsFixtures.path(consumer);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pactjs-v3-body-valid", "pactjs-v4-body-valid"})
  void validPactsConform(String consumer) throws Exception {
    assertThat(VERIFIER.verify(pact(consumer))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      pactjs-v3-body-premium       | request field linkedin.api                             | must be one of [
      pactjs-v4-body-days-2        | request field linkedin.follow_up.scheduled_time.days  | 3
      pactjs-v4-body-status-200    | response status                                       | 200 is not documented for POST /api/v1/chats (documented:
      pactjs-v4-multipart-body     | request field account_id                              | is required
      pactjs-v3-multipart-upload   | request field account_id                              | is required
      """)
  void badPactsAreRefusedWithTheirRule(String consumer, String where, String rule) throws Exception {
    List<PactViolation> violations = VERIFIER.verify(pact(consumer));

    assertThat(violations).extracting(PactViolation::toString)
        .anySatisfy(line -> assertThat(line).contains(": " + where + ": ").contains(rule));
  }

  @Test
  void multipartBodyPactIsReadWithTheHeadersBoundary() throws Exception {
    // Pact JS writes body.contentType "multipart/form-data" and the boundary only in the Content-Type header.
    assertThat(VERIFIER.verify(pact("pactjs-v4-multipart-body"))).extracting(PactViolation::toString)
        .noneSatisfy(line -> assertThat(line).contains("boundary"))
        .anySatisfy(line -> assertThat(line).contains("attendees_ids"));
  }

  @Test
  void forgedConformLineInADescriptionIsPrintedEscaped(@TempDir Path dir) throws Exception {
    // The Pact JS pact whose description carries CR/LF, a fake summary line and an ANSI erase, answered 299 so
    // that the description is printed in a violation line.
    ObjectNode pact = (ObjectNode) new ObjectMapper().readTree(PactJsFixtures.read("pactjs-v4-body-crlf-description"));
    ((ObjectNode) pact.path("interactions").get(0).path("response")).put("status", 299);
    Path file = Files.writeString(dir.resolve("crlf.json"), pact.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    int code = VerifyPact.run(List.of(file), null, print, print);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(VerifyPact.VIOLATIONS);
    assertThat(printed.lines()).noneMatch(line -> line.startsWith("verify-pact: 1 interaction(s)"));
    assertThat(printed).doesNotContain("\u001b").doesNotContain("\r").contains("evil\\r\\nverify-pact: 1 interaction(s)");
  }

  @Test
  void escapedDescriptionKeepsItsTextVisible() throws Exception {
    List<PactViolation> violations = VERIFIER.verify(PactFile.read(
        pact("pactjs-v4-body-crlf-description")));
    assertThat(violations).isEmpty();

    PactViolation shown = new PactViolation("evil\r\nverify-pact: ok\u001b[2K", "request", "body", "x");
    assertThat(shown.toString()).isEqualTo("interaction 'evil\\r\\nverify-pact: ok\\u001b[2K': request body: x");
  }
}
