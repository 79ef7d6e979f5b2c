package io.github.unipilechat.contract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as Maven runs it, without Maven: fields set the way the plugin descriptor would inject them. */
class VerifyPactMojoTest {
  @TempDir Path pacts;

  @Test
  void aConformingPactPasses() throws Exception {
    copy("pacts/follow-up-in-5-days.json");

    assertThatCode(() -> mojo().execute()).doesNotThrowAnyException();
  }

  @Test
  void aViolationFailsTheBuildWithOneLinePerViolation() throws Exception {
    copy("pacts/follow-up-in-5-days.json");
    copy("pacts-bad/follow-up-in-2-days.json");

    assertThatThrownBy(() -> mojo().execute())
        .isInstanceOf(MojoFailureException.class)
        .message()
        .isEqualTo("interaction 'start a Recruiter chat with a follow-up in 2 days': request field "
            + "linkedin.follow_up.scheduled_time.days: must have a minimum value of 3" + System.lineSeparator()
            + "verify-pact: 1 violation(s) in 2 interaction(s)");
  }

  @Test
  void notDescribedFailsTheBuildUnlessAccepted() throws Exception {
    Path valid = Path.of(getClass().getResource("/pacts/follow-up-in-5-days.json").toURI());
    Files.writeString(pacts.resolve("undescribed.json"),
        Files.readString(valid).replace("linkedin[signature]", "linkedin[signatur]"));

    assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("request field linkedin.signatur: is not described by the spec; the provider may ignore it");

    VerifyPactMojo lenient = mojo();
    lenient.acceptNotDescribed = true;
    assertThatCode(lenient::execute).doesNotThrowAnyException();

    copy("pacts-bad/follow-up-in-2-days.json");
    assertThatThrownBy(lenient::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("must have a minimum value of 3");
  }

  @Test
  void aGivenSpecIsUsedInsteadOfTheBundledOne() throws Exception {
    copy("pacts/follow-up-in-5-days.json");
    VerifyPactMojo mojo = mojo();
    mojo.spec = pacts.resolve("missing-spec.json").toFile();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("cannot read the spec").hasMessageContaining("missing-spec.json");
  }

  @Test
  void noPactFailsTheBuildUnlessAllowed() {
    assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no pact file");

    VerifyPactMojo lenient = mojo();
    lenient.failIfNoPacts = false;
    assertThatCode(lenient::execute).doesNotThrowAnyException();
  }

  @Test
  void skipChecksNothing() throws Exception {
    copy("pacts-bad/follow-up-in-2-days.json");
    VerifyPactMojo mojo = mojo();
    mojo.skip = true;

    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }

  @Test
  void skippedTestsWriteNoPactsAndSkipTheCheck() {
    VerifyPactMojo mojo = mojo();
    mojo.testsSkipped = true;

    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }

  @Test
  void everyOperationOfTheGivenSpecIsJudgedByItsOwnPathTemplate() throws Exception {
    // The provider's "Send a message in a chat" (developer.unipile.com), added to a copy of the bundled document.
    String bundled;
    try (var in = getClass().getResourceAsStream(io.github.unipilechat.contract.spec.SpecValidator.BUNDLED)) {
      bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path spec = Files.createDirectory(pacts.resolve("spec")).resolve("provider.json"); // not a pact: a level down
    Files.writeString(spec, bundled.replaceFirst("\"paths\": *\\{", "\"paths\": {\"/api/v1/chats/{chat_id}/messages\":"
        + "{\"post\":{\"operationId\":\"ChatsController_sendMessageInChat\",\"parameters\":[{\"name\":\"chat_id\","
        + "\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}],\"requestBody\":{\"required\":true,"
        + "\"content\":{\"multipart/form-data\":{\"schema\":{\"type\":\"object\",\"properties\":{\"text\":"
        + "{\"type\":\"string\"},\"voice_message\":{\"type\":\"string\",\"format\":\"binary\"}}}}}},"
        + "\"responses\":{\"201\":{\"description\":\"Created\",\"content\":{\"application/json\":{\"schema\":"
        + "{\"type\":\"object\",\"properties\":{\"object\":{\"type\":\"string\",\"enum\":[\"MessageSent\"]}},"
        + "\"required\":[\"object\"]}}}}},\"security\":[{\"Access-Token\":[]}]}},"));
    Files.writeString(pacts.resolve("send-message.json"), sendMessagePact("Hello"));
    VerifyPactMojo mojo = mojo();
    mojo.spec = spec.toFile();

    assertThatCode(mojo::execute).doesNotThrowAnyException();

    Files.writeString(pacts.resolve("send-message.json"), sendMessagePact("Hello\\r\\n--b\\r\\n"
        + "Content-Disposition: form-data; name=\\\"voice_message\\\"\\r\\n\\r\\nnot a file"));
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining(
        "interaction 'send a message': request field voice_message: must be a file part (with a filename), not a text field");
  }

  /** A V4 pact of one "send a message" interaction; {@code text}, JSON-escaped, ends the form's {@code text} part. */
  private static String sendMessagePact(String text) {
    String form = "--b\\r\\nContent-Disposition: form-data; name=\\\"text\\\"\\r\\n\\r\\n" + text + "\\r\\n--b--\\r\\n";
    return "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{\"type\":\"Synchronous/HTTP\","
        + "\"description\":\"send a message\",\"request\":{\"method\":\"POST\",\"path\":\"/api/v1/chats/ch_1/messages\","
        + "\"headers\":{\"X-API-KEY\":[\"k\"]},\"body\":{\"content\":\"" + form + "\","
        + "\"contentType\":\"multipart/form-data; boundary=b\",\"encoded\":false}},\"response\":{\"status\":201,"
        + "\"headers\":{\"Content-Type\":[\"application/json\"]},\"body\":{\"content\":{\"object\":\"MessageSent\"},"
        + "\"contentType\":\"application/json\",\"encoded\":false}}}],"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";
  }

  private VerifyPactMojo mojo() {
    VerifyPactMojo mojo = new VerifyPactMojo();
    mojo.pactDirectory = pacts.toFile();
    return mojo;
  }

  private void copy(String resource) throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("/" + resource).toURI());
    Files.copy(source, pacts.resolve(source.getFileName()));
    assertThat(new File(pacts.toFile(), source.getFileName().toString())).exists();
  }
}
