package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-pact on pacts nobody should write: one escaped line and an exit code, never a stack trace or a false pass. */
class VerifyPactHostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;

  private int run(Path spec, Path... pacts) {
    return VerifyPact.run(List.of(pacts), spec, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A Pact JS V4 pact whose one request body is this multipart text (boundary "b"). */
  private Path v4(String name, String multipart) throws Exception {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactJsFixtures.read("pactjs-v4-body-valid"));
    ObjectNode request = (ObjectNode) pact.path("interactions").get(0).path("request");
    ObjectNode body = (ObjectNode) request.path("body");
    body.put("content", Base64.getEncoder().encodeToString(multipart.getBytes(StandardCharsets.UTF_8)))
        .put("encoded", "base64").put("contentType", "multipart/form-data; boundary=b");
    // The header too: the one the request is sent with, which must name the body's boundary.
    ((ObjectNode) request.path("headers")).putArray("Content-Type").add("multipart/form-data; boundary=b");
    return write(name, pact.toString());
  }

  private static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append("--b\r\nContent-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
          .append(namesAndValues[i + 1]).append("\r\n");
    }
    return form.append("--b--\r\n").toString();
  }

  @Test
  void emptyInteractionsAreNothingChecked() throws Exception {
    int code = run(null, write("empty.json", "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[]}"));

    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    assertThat(printed()).contains("nothing was checked").doesNotContain("conform");
  }

  @Test
  void onlyMessageInteractionsAreNothingChecked() throws Exception {
    int code = run(null, write("messages.json", "{\"interactions\":[{\"type\":\"Asynchronous/Messages\","
        + "\"description\":\"an event\",\"contents\":{\"content\":{}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}"));

    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    assertThat(printed()).contains("nothing was checked");
  }

  @Test
  void elevenHundredBracketLevelsAreAViolationNotAStackOverflow() throws Exception {
    int code = run(null, v4("deep.json", form("account_id", "a", "attendees_ids", "b", "linkedin" + "[a]".repeat(1_100), "x")));

    assertThat(code).isEqualTo(VerifyPact.VIOLATIONS);
    assertThat(printed()).contains("bracket levels").doesNotContain("StackOverflowError").doesNotContain("\tat ");
  }

  @Test
  void oversizedFileIsRefusedFromItsSizeBeforeReading() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(PactFile.DEFAULT_MAX_BYTES + 1); // sparse: nothing to read, and reading it would fail anyway
    }

    int code = run(null, huge);

    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    assertThat(printed()).contains("over the " + PactFile.DEFAULT_MAX_BYTES + "-byte limit").hasLineCount(1);
  }

  @Test
  void bracketFieldSentTwiceSaysSo() throws Exception {
    run(null, v4("twice.json", form("account_id", "a", "attendees_ids", "b", "linkedin[api]", "classic", "linkedin[api]", "classic")));

    assertThat(printed()).contains("field linkedin.api: is sent more than once").doesNotContain("must be one of");
  }

  @Test
  void invalidBase64NamesTheFileAndTheInteraction() throws Exception {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactJsFixtures.read("pactjs-v4-body-valid"));
    ((ObjectNode) pact.path("interactions").get(0).path("request").path("body")).put("content", "QUJD=x").put("encoded", "base64");

    int code = run(null, write("bad-base64.json", pact.toString()));

    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad-base64.json")
        .contains("interaction 'pactjs-v4-body-valid starts a chat'").contains("not valid base64").doesNotContain("(null)")
        .hasLineCount(1);
  }

  @Test
  void badSpecIsReportedOnce() throws Exception {
    Path spec = write("spec.json", "{ not json");

    int code = run(spec, PactJsFixtures.path("pactjs-v4-body-valid"));

    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message).hasLineCount(1).containsOnlyOnce("cannot read the spec").containsOnlyOnce(spec.toString());
  }

  @Test
  void undocumentedStatusListsTheDocumentedOnesFromTheSpec() throws Exception {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactJsFixtures.read("pactjs-v4-body-valid"));
    ((ObjectNode) pact.path("interactions").get(0).path("response")).put("status", 299);

    run(null, write("299.json", pact.toString()));

    assertThat(printed()).contains("response status: 299 is not documented for POST /api/v1/chats (documented: 201, 400, 401,");
  }
}
