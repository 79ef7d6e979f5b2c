package io.github.unipilechat.contract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whatever arrives, the answer is the spec's error JSON (issue 21, item 11): before, a wrong path or method got
 * Javalin's {@code 404 text/plain} echoing the path, and Jetty's refusals (a header over 8 KB, ESC in a header, a
 * 9 KB path) its HTML pages. Expected statuses, types and methods are read from the spec.
 */
@ExtendWith(MockUnipileExtension.class)
class MockAlwaysSpecJsonTest {
  private static final SpecValidator SPEC = SpecValidator.bundled();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHO = "echo-me-if-you-dare";

  @Test
  void pathTheSpecLacksIsNotFoundJsonWithoutThePath(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "POST /api/v1/" + ECHO + " HTTP/1.1", "");

    assertThat(answer.status()).isEqualTo(404);
    assertSpecValid(answer);
    assertThat(JSON.readTree(answer.body()).path("type").asText()).isIn(SPEC.errorTypes().get(404));
    assertThat(answer.body()).doesNotContain(ECHO);
  }

  @Test
  void otherMethodOnTheSpecsPathIsMethodNotAllowedWithAllow(MockUnipileServer mock) throws Exception {
    // A method the document does not have on the path (GET is an operation of the provider's full reference).
    String missing = java.util.stream.Stream.of("GET", "PUT", "PATCH", "DELETE", "POST")
        .filter(method -> !documentedMethods(SpecValidator.PATH).contains(method)).findFirst().orElseThrow();
    RawHttp.Answer answer = RawHttp.send(mock, missing + " " + SpecValidator.PATH + " HTTP/1.1", "");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).isEqualTo(String.join(", ", documentedMethods(SpecValidator.PATH)));
    assertErrorShaped(answer, 405);
  }

  @Test
  void unknownMethodOnTheSpecsPathIsMethodNotAllowed(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "BREW " + SpecValidator.PATH + " HTTP/1.1", "");

    assertThat(answer.status()).isEqualTo(405);
    assertErrorShaped(answer, 405);
  }

  @Test
  void preferHeaderOver8KbIsSpecJson(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "POST " + SpecValidator.PATH + " HTTP/1.1\r\nX-API-KEY: k\r\nPrefer: code=422, "
        + "x".repeat(9 * 1024), "");

    assertThat(answer.status()).isEqualTo(400);
    assertSpecValid(answer);
    assertThat(answer.body()).doesNotContain("xxxx");
  }

  @Test
  void escapeCharacterInAHeaderIsSpecJson(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "POST " + SpecValidator.PATH + " HTTP/1.1\r\nX-API-KEY: k\r\nX-Note: \u001b[31m" + ECHO, "");

    assertThat(answer.status()).isEqualTo(400);
    assertSpecValid(answer);
    assertThat(answer.body()).doesNotContain(ECHO).doesNotContain("\u001b");
  }

  @Test
  void pathOver8KbIsSpecJson(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "POST /" + ECHO + "x".repeat(9 * 1024) + " HTTP/1.1", "");

    assertThat(answer.status()).isEqualTo(400);
    assertSpecValid(answer);
    assertThat(answer.body()).doesNotContain(ECHO);
  }

  @Test
  void brokenRequestLineIsSpecJson(MockUnipileServer mock) throws Exception {
    RawHttp.Answer answer = RawHttp.send(mock, "POST " + SpecValidator.PATH + " HTTP/9.9", "");

    assertThat(answer.status()).isEqualTo(400);
    assertSpecValid(answer);
  }

  /** A documented status: the whole answer conforms to the spec (status, content type, body schema). */
  private static void assertSpecValid(RawHttp.Answer answer) {
    assertThat(SPEC.validateResponse(answer.status(), answer.header("Content-Type"), answer.body()).violations())
        .as("answer %s %s", answer.status(), answer.body()).isEmpty();
  }

  /** A status the spec cannot document (405): the body still has the spec's error shape and one of its types. */
  private static void assertErrorShaped(RawHttp.Answer answer, int status) throws Exception {
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText()).isIn(SPEC.errorTypes().values().stream().flatMap(List::stream).toList());
  }

  private static List<String> documentedMethods(String path) {
    List<String> methods = new ArrayList<>();
    SPEC.document().path("paths").path(path).fieldNames().forEachRemaining(key -> methods.add(key.toUpperCase(Locale.ROOT)));
    return methods;
  }
}
