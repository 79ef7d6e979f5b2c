package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Content-Type a pact's request sends must be what its body is: a multipart body under another type, or under a
 * boundary it does not use, is a request the provider cannot read, whatever the body alone would say.
 */
class ContentTypeAgainstBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PactSpecVerifier VERIFIER = PactSpecVerifier.bundled();
  private static final String MISMATCH =
      "boundary mismatch: the Content-Type header's boundary is not the one the body uses";

  @TempDir Path dir;

  private List<String> violations(String fixture, Consumer<ObjectNode> editRequest) throws Exception {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactJsFixtures.read(fixture));
    editRequest.accept((ObjectNode) pact.path("interactions").get(0).path("request"));
    Path file = Files.writeString(dir.resolve(fixture + ".json"), pact.toString());
    return VERIFIER.verify(file).stream().map(PactViolation::toString).toList();
  }

  private static void header(ObjectNode request, String contentType) {
    ObjectNode headers = (ObjectNode) request.get("headers");
    headers.remove("Content-Type");
    headers.remove("content-type");
    headers.put("Content-Type", contentType);
  }

  @Test
  void theUntouchedPactsConform() throws Exception {
    assertThat(violations("pactjs-v4-body-valid", request -> { })).isEmpty();
    assertThat(violations("pactjs-v3-body-valid", request -> { })).isEmpty();
  }

  @Test
  void aJsonContentTypeOverAMultipartBodyIsAViolation() throws Exception {
    assertThat(violations("pactjs-v4-body-valid", request -> header(request, "application/json")))
        .anySatisfy(line -> assertThat(line).contains("request header Content-Type: application/json is not"
            + " multipart/form-data"));
  }

  @Test
  void aHeaderBoundaryOtherThanTheBodysIsAMismatch() throws Exception {
    assertThat(violations("pactjs-v4-body-valid",
        request -> header(request, "multipart/form-data; boundary=another-boundary")))
        .anySatisfy(line -> assertThat(line).contains("request header Content-Type: " + MISMATCH)
            .contains("another-boundary").contains("pactjs-fixture-boundary"));
  }

  @Test
  void aHeaderBoundaryTheBodyNeverUsesIsAMismatchNotUnreadableNull() throws Exception {
    // V3: the header is the only content type; the body's delimiter lines use another boundary.
    assertThat(violations("pactjs-v3-body-valid",
        request -> header(request, "multipart/form-data; boundary=another-boundary")))
        .anySatisfy(line -> assertThat(line).contains(MISMATCH).contains("another-boundary"))
        .noneSatisfy(line -> assertThat(line).contains("(null)"));
  }

  @Test
  void aHeaderWithoutABoundaryIsAViolation() throws Exception {
    assertThat(violations("pactjs-v3-body-valid", request -> header(request, "multipart/form-data")))
        .anySatisfy(line -> assertThat(line).contains("request header Content-Type: multipart/form-data has no"
            + " boundary"));
  }

  @Test
  void aShownBoundaryIsEscapedAndCut() throws Exception {
    String hostile = "x\u001b[31m" + "y".repeat(300);

    assertThat(violations("pactjs-v4-body-valid",
        request -> header(request, "multipart/form-data; boundary=\"" + hostile + "\"")))
        .anySatisfy(line -> assertThat(line).contains(MISMATCH).doesNotContain("\u001b").doesNotContain("y".repeat(100)));
  }

  @Test
  void aBareBodyTypeTakesTheHeadersBoundaryAsPactJsWritesIt() throws Exception {
    // Pact JS's multipartBody(): body.contentType "multipart/form-data", the boundary only in the header.
    assertThat(violations("pactjs-v4-multipart-body", request -> { })).noneSatisfy(line -> assertThat(line)
        .contains("Content-Type"));
  }
}
