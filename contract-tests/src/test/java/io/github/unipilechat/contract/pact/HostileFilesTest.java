package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-pact reads what a pull request may hold: a spec whose $refs name a server, a file or each other, a key file
 * named by mistake, a device, a pipe. Each is one line on stderr and exit 2, before any interaction is judged;
 * nothing is fetched, no other file is opened, no content is quoted.
 */
class HostileFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";
  private static final String CREATED = "/paths/~1api~1v1~1chats/post/responses/201/content/application~1json/schema";
  private static final String KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXkqYQx4Z";

  @TempDir Path dir;
  private final Loopback loopback = new Loopback();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  HostileFilesTest() throws Exception {}

  @AfterEach
  void stop() {
    loopback.close();
  }

  private int run(Path spec, Path pact) {
    return VerifyPact.run(List.of(pact), spec, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path spec(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(getClass().getResourceAsStream(
        "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json"));
    edit.accept(doc);
    return Files.writeString(dir.resolve("spec.json"), doc.toString());
  }

  private static Path validPact() throws Exception {
    return PactJsFixtures.path("pactjs-v4-body-valid");
  }

  private void assertRefusedInOneLine(int code) {
    assertThat(code).isEqualTo(VerifyPact.UNREADABLE);
    assertThat(stderr()).hasLineCount(1).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("conform");
  }

  @Test
  void aSubjectReferringToALoopbackUrlIsRefusedAndNotFetched() throws Exception {
    Path spec = spec(doc -> ((ObjectNode) doc.at(FORM + "/properties")).putObject("subject")
        .put("$ref", loopback.url("/y.json")));

    assertRefusedInOneLine(run(spec, validPact()));
    assertThat(loopback.requests()).isEmpty();
    assertThat(stderr()).contains("cannot read the spec " + spec + ": $ref at " + FORM + "/properties/subject refers"
        + " outside the document");
  }

  @Test
  void aCreatedChatIdReferringToALoopbackUrlIsRefusedAndNotFetched() throws Exception {
    Path spec = spec(doc -> ((ObjectNode) doc.at(CREATED + "/properties")).putObject("chat_id")
        .put("$ref", loopback.url("/y.json")));

    assertRefusedInOneLine(run(spec, validPact()));
    assertThat(loopback.requests()).isEmpty();
  }

  @Test
  void aRefToEtcPasswdIsRefusedAndNotOpened() throws Exception {
    Path spec = spec(doc -> ((ObjectNode) doc.at(FORM + "/properties")).putObject("subject")
        .put("$ref", "file:///etc/passwd"));

    assertRefusedInOneLine(run(spec, validPact()));
    assertThat(stderr()).contains("refers outside the document").doesNotContain("root:");
  }

  @Test
  void aCycleOfTwoRefsIsASpecErrorNotAStackOverflowBlamedOnThePact() throws Exception {
    Path spec = spec(doc -> {
      ObjectNode schemas = doc.withObject("/components").withObject("/schemas");
      schemas.putObject("A").put("$ref", "#/components/schemas/B");
      schemas.putObject("B").put("$ref", "#/components/schemas/A");
      ((ObjectNode) doc.at(FORM + "/properties")).putObject("subject").put("$ref", "#/components/schemas/A");
    });

    assertRefusedInOneLine(run(spec, validPact()));
    assertThat(stderr()).contains("cannot read the spec").contains("is part of a cycle")
        .doesNotContain("StackOverflowError").doesNotContain("pactjs-v4-body-valid");
  }

  @Test
  void aKeyFileGivenAsTheSpecIsNeverQuoted() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("unipile.key"), KEY);

    assertRefusedInOneLine(run(keyFile, validPact()));
    assertThat(stderr()).contains("not JSON: line 1, column 1").doesNotContain("sk_live");
  }

  @Test
  void aKeyFileGivenAsAPactIsNeverQuoted() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("unipile.key"), KEY);

    assertRefusedInOneLine(run(null, keyFile));
    assertThat(stderr()).contains("unipile.key: not a pact file (not JSON: line 1, column 1)").doesNotContain("sk_live");
  }

  @Test
  void devZeroAsTheSpecOrAPactIsRefusedAtOnce() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));

    assertThat(Fifo.thrownWithin(30, null, () -> {
      assertRefusedInOneLine(run(zero, validPact()));
      err.reset();
      assertRefusedInOneLine(run(null, zero));
      return null;
    })).isNull();
    assertThat(stderr()).contains("/dev/zero: not a regular file");
  }

  @Test
  void aFifoAsTheSpecIsRefusedWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(Fifo.thrownWithin(20, fifo, () -> run(fifo, validPact()))).isNull();
    assertRefusedInOneLine(VerifyPact.UNREADABLE);
    assertThat(stderr()).contains("not a regular file");
  }

  @Test
  void aFifoAsAPactIsRefusedWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "pact.json");

    assertThat(Fifo.thrownWithin(20, fifo, () -> run(null, fifo))).isNull();
    assertRefusedInOneLine(VerifyPact.UNREADABLE);
    assertThat(stderr()).contains("pact.json: not a regular file");
  }
}
