package io.github.unipilechat.contract.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dunipile.spec} may name a file a pull request changed: the goal fails with one line, fetching and opening
 * nothing the spec names, never waiting on a pipe, never quoting a file that is not JSON.
 */
class HostileSpecMojoTest {
  private static final String FORM = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";

  @TempDir Path pacts;
  @TempDir Path dir;
  private final Loopback loopback = new Loopback();

  HostileSpecMojoTest() throws Exception {}

  @AfterEach
  void stop() {
    loopback.close();
  }

  /** What the goal threw with this spec, over one conforming pact; the goal must end within the guard's time. */
  private Throwable execute(Path spec, Path fifo) throws Exception {
    Files.copy(Path.of(getClass().getResource("/pacts/follow-up-in-5-days.json").toURI()),
        pacts.resolve("follow-up-in-5-days.json"));
    VerifyPactMojo mojo = new VerifyPactMojo();
    mojo.pactDirectory = pacts.toFile();
    mojo.spec = spec.toFile();
    return Fifo.thrownWithin(30, fifo, () -> {
      mojo.execute();
      return null;
    });
  }

  @Test
  void aSubjectReferringToAUrlFailsTheBuildAndIsNotFetched() throws Exception {
    String provider;
    try (InputStream in = getClass().getResourceAsStream(
        "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json")) {
      provider = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The form's subject (the document's first "subject") gets a $ref beside its own words.
    String edited = provider.replaceFirst("\"subject\": \\{", "\"subject\": {\"\\$ref\": \"" + loopback.url("/y.json") + "\",");
    assertThat(edited).isNotEqualTo(provider);
    Path spec = Files.writeString(dir.resolve("spec.json"), edited);

    assertThat(execute(spec, null)).isInstanceOf(MojoFailureException.class)
        .hasMessage("verify-pact: cannot read the spec " + spec + ": $ref at " + FORM + "/properties/subject refers"
            + " outside the document; only references to a place inside it (#/...) are followed, nothing is fetched"
            + " or opened");
    assertThat(loopback.requests()).isEmpty();
  }

  @Test
  void aKeyFileGivenAsTheSpecIsNeverQuoted() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("unipile.key"), "sk_live_51HqLyjWDarjtT1zdp7dcXkqYQx4Z");

    assertThat(execute(keyFile, null)).isInstanceOf(MojoFailureException.class)
        .hasMessage("verify-pact: cannot read the spec " + keyFile + ": not JSON: line 1, column 1");
  }

  @Test
  void aFifoGivenAsTheSpecFailsWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(execute(fifo, fifo)).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("cannot read the spec " + fifo + ": not a regular file");
  }
}
