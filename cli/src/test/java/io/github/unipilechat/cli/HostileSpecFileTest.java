package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spec} of mock-server and verify-pact reads a file a pull request may hold: nothing it names is fetched or
 * opened, a device or a pipe is refused unread, and a file that is not JSON is never quoted. Each refusal is one
 * line and exit 2, before anything is served or judged.
 */
class HostileSpecFileTest {
  private static final String FORM = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";
  private static final String CREATED = "/paths/~1api~1v1~1chats/post/responses/201/content/application~1json/schema";

  @TempDir Path dir;
  private final Loopback loopback = new Loopback();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  HostileSpecFileTest() throws Exception {}

  @AfterEach
  void stop() {
    loopback.close();
  }

  /** The command's exit code; a mock that starts instead of refusing never returns, and fails the guard. */
  private int run(Path fifo, String... args) {
    int[] code = new int[1];
    assertThat(Fifo.thrownWithin(30, fifo, () -> code[0] = Main.run(new Console(Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args)))
        .isNull();
    return code[0];
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path spec(String pointer, String property, String ref) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode doc = (ObjectNode) json.readTree(getClass().getResourceAsStream(
        "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json"));
    ((ObjectNode) doc.at(pointer + "/properties")).putObject(property).put("$ref", ref);
    return Files.writeString(dir.resolve("spec.json"), doc.toString());
  }

  private Path pact() throws Exception {
    return Path.of(getClass().getResource("/pacts/follow-up-in-2-days.json").toURI());
  }

  @Test
  void mockServerRefusesASubjectReferringToAUrlBeforeListening() throws Exception {
    Path spec = spec(FORM, "subject", loopback.url("/y.json"));

    assertThat(run(null, "mock-server", "--port", "0", "--spec", spec.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr()).hasLineCount(1).startsWith("error: cannot read the spec " + spec + ": $ref at " + FORM
        + "/properties/subject refers outside the document; only references to a place inside it (#/...) are"
        + " followed, nothing is fetched or opened\n");
    assertThat(loopback.requests()).isEmpty();
  }

  @Test
  void verifyPactRefusesACreatedChatIdReferringToAUrl() throws Exception {
    Path spec = spec(CREATED, "chat_id", loopback.url("/y.json"));

    assertThat(run(null, "verify-pact", "--spec", spec.toString(), pact().toString())).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("refers outside the document");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("interaction");
    assertThat(loopback.requests()).isEmpty();
  }

  @Test
  void verifyPactNeverQuotesAKeyFileGivenAsTheSpec() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("unipile.key"), "sk_live_51HqLyjWDarjtT1zdp7dcXkqYQx4Z");

    assertThat(run(null, "verify-pact", "--spec", keyFile.toString(), pact().toString())).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("not JSON: line 1, column 1").doesNotContain("sk_live");
  }

  @Test
  void verifyPactRefusesAFifoAsTheSpecWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(run(fifo, "verify-pact", "--spec", fifo.toString(), pact().toString())).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("not a regular file");
  }

  @Test
  void mockServerRefusesAFifoAsTheSpecWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(run(fifo, "mock-server", "--port", "0", "--spec", fifo.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr()).hasLineCount(1).contains("not a regular file").doesNotContain("listening");
  }

  @Test
  void verifyPactRefusesDevZeroAsTheSpecAtOnce() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));

    assertThat(run(null, "verify-pact", "--spec", "/dev/zero", "pact.json")).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("/dev/zero: not a regular file");
  }
}
