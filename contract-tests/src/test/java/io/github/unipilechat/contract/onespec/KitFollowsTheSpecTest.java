package io.github.unipilechat.contract.onespec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.SpecFacts;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock and verify-pact follow a changed spec with no edit: a copy of the provider's document (openapi/ is never
 * touched) gets a new top-level field, a fourth LinkedIn shape and a 409 with its own type; the mock started on it
 * accepts and answers them, verify-pact given it judges a pact using them. Negative controls: the bundled spec
 * refuses them, and a tightened rule is refused by both.
 */
class KitFollowsTheSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The document the build was given (-Dunipile.spec; openapi/ by default), as the bundled spec is. */
  private static final Path PROVIDER =
      Path.of(System.getProperty("unipile.spec", "../openapi/unipile-start-new-chat.openapi.json"));
  /** A status the bundled spec does not document yet (409 today), so the test holds whatever the provider adds. */
  private static final int NEW_STATUS = IntStream.range(409, 600)
      .filter(code -> !SpecValidator.bundled().documentedStatuses().contains(String.valueOf(code))).findFirst().orElseThrow();
  private static final String CONFLICT = "{\"title\":\"Conflict\",\"detail\":\"d\",\"instance\":\"/api/v1/chats\","
      + "\"type\":\"errors/chat_already_started\",\"status\":" + NEW_STATUS + "}";
  /** What the bundled spec says of an {@code api} value it does not know: its own values, read from it. */
  private static final String UNKNOWN_API = "linkedin.api: " + SpecFacts.unknownApiRule();

  @TempDir Path dir;

  private Path mutated(Consumer<ObjectNode> change) throws IOException {
    ObjectNode document = (ObjectNode) JSON.readTree(PROVIDER.toFile());
    change.accept(document);
    Path copy = Files.createTempFile(dir, "spec", ".json");
    Files.writeString(copy, document.toString());
    return copy;
  }

  private static ObjectNode form(ObjectNode document) {
    return (ObjectNode) document.at("/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema");
  }

  /** A new top-level field, a fourth LinkedIn shape with its own api value and a required field, a 409. */
  private static void grow(ObjectNode document) {
    ((ObjectNode) form(document).get("properties")).putObject("priority").put("type", "string")
        .set("enum", JSON.createArrayNode().add("low").add("high"));
    ObjectNode partner = ((ArrayNode) form(document).at("/properties/linkedin/anyOf")).addObject()
        .put("title", "Partner options").put("type", "object");
    partner.putObject("properties").putObject("api").put("type", "string")
        .set("enum", JSON.createArrayNode().add("partner"));
    ((ObjectNode) partner.get("properties")).putObject("partner_id").put("type", "string").put("minLength", 2);
    partner.putArray("required").add("api").add("partner_id");
    ObjectNode schema = ((ObjectNode) document.at("/paths/~1api~1v1~1chats/post/responses")).putObject(String.valueOf(NEW_STATUS))
        .put("description", "Conflict").putObject("content").putObject("application/json").putObject("schema")
        .put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (String text : new String[] {"title", "detail", "instance"}) {
      properties.putObject(text).put("type", "string");
    }
    properties.putObject("type").put("type", "string").set("enum", JSON.createArrayNode().add("errors/chat_already_started"));
    properties.putObject("status").put("type", "number");
    schema.putArray("required").add("title").add("type").add("status");
  }

  private static Wire usingTheNewParts() {
    return Wire.valid("priority", "high", "linkedin[api]", "partner", "linkedin[partner_id]", "p_42");
  }

  @Test
  void theMockOnAGrownSpecAcceptsTheNewFieldAndShapeAndAnswersTheNewStatus() throws IOException {
    Path spec = mutated(KitFollowsTheSpecTest::grow);
    try (MockUnipileServer mock = MockUnipileServer.builder().spec(SpecValidator.fromFile(spec)).build().start()) {
      assertThat(usingTheNewParts().post(mock).status()).isEqualTo(201);
      assertThat(mock.journal().last().fields().path("priority").asText()).isEqualTo("high");
      assertThat(mock.journal().last().fields().at("/linkedin/partner_id").asText()).isEqualTo("p_42");

      Wire.Answer conflict = usingTheNewParts().post(mock, "Prefer", "code=" + NEW_STATUS);
      assertThat(conflict.status()).isEqualTo(NEW_STATUS);
      assertThat(conflict.body().path("type").asText()).isEqualTo("errors/chat_already_started");
      assertThat(SpecValidator.fromFile(spec).validateResponse(NEW_STATUS, "application/json", conflict.body().toString())
          .violations()).isEmpty();

      // The new shape's own rules hold.
      assertThat(Wire.valid("linkedin[api]", "partner").post(mock).detail()).isEqualTo("linkedin.partner_id: is required");
      assertThat(Wire.valid("priority", "urgent").post(mock).detail()).startsWith("priority:").contains("low", "high");
    }
  }

  @Test
  void everyErrorTheMockSendsKeepsToTheTypesTheSpecDocuments() throws IOException {
    // The provider renames the types the mock reaches for first: its 400s and 401s must follow.
    Path spec = mutated(document -> {
      for (String status : new String[] {"400", "401"}) {
        ArrayNode types = (ArrayNode) document.at("/paths/~1api~1v1~1chats/post/responses/" + status
            + "/content/application~1json/schema/properties/type/enum");
        types.removeAll();
        types.add("errors/renamed_" + status);
      }
    });
    SpecValidator validator = SpecValidator.fromFile(spec);
    try (MockUnipileServer mock = MockUnipileServer.builder().spec(validator).build().start()) {
      Wire.Answer invalid = new Wire().add("account_id", "acc_1").post(mock);
      Wire.Answer noKey = Wire.valid().post(mock, "X-API-KEY", "");

      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.body().path("type").asText()).isEqualTo("errors/renamed_400");
      assertThat(noKey.status()).isEqualTo(401);
      assertThat(noKey.body().path("type").asText()).isEqualTo("errors/renamed_401");
      assertThat(validator.validateResponse(400, "application/json", invalid.body().toString()).violations()).isEmpty();
      assertThat(validator.validateResponse(401, "application/json", noKey.body().toString()).violations()).isEmpty();
    }
  }

  @Test
  void theBundledMockRefusesWhatOnlyTheGrownSpecHas() {
    try (MockUnipileServer mock = MockUnipileServer.builder().build().start()) {
      Wire.Answer answer = usingTheNewParts().post(mock);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.detail()).contains(UNKNOWN_API);
      assertThat(usingTheNewParts().post(mock, "Prefer", "code=" + NEW_STATUS).status()).isEqualTo(400);
    }
  }

  @Test
  void verifyPactGivenTheGrownSpecJudgesAPactUsingItsNewParts() throws IOException {
    Path spec = mutated(KitFollowsTheSpecTest::grow);
    Path pact = usingTheNewParts().pact(dir, NEW_STATUS, CONFLICT);

    Wire.Verdict grown = Wire.verify(pact, spec, false);
    assertThat(grown.exit()).as(grown.out()).isZero();

    Wire.Verdict bundled = Wire.verify(pact, null, false);
    assertThat(bundled.exit()).isEqualTo(1);
    assertThat(bundled.out()).contains("response status: " + NEW_STATUS + " is not documented for POST /api/v1/chats",
        "request field " + UNKNOWN_API,
        "request field priority: is not described by the spec");

    Wire.Verdict brokenShape = Wire.verify(Wire.valid("linkedin[api]", "partner", "linkedin[partner_id]", "p")
        .pact(dir, NEW_STATUS, CONFLICT), spec, false);
    assertThat(brokenShape.exit()).isEqualTo(1);
    assertThat(brokenShape.out()).contains("request field linkedin.partner_id: must be at least 2 characters long");
  }

  @Test
  void aTightenedRuleIsRefusedByTheMockAndVerifyPact() throws IOException {
    Path spec = mutated(document -> ((ObjectNode) form(document).at("/properties/text")).put("maxLength", 3));
    Wire longText = Wire.valid("text", "Hello");

    try (MockUnipileServer mock = MockUnipileServer.builder().spec(SpecValidator.fromFile(spec)).build().start()) {
      Wire.Answer answer = longText.post(mock);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.detail()).startsWith("text:");
    }
    Path pact = longText.pact(dir, 201, Wire.CREATED);
    Wire.Verdict tightened = Wire.verify(pact, spec, false);
    assertThat(tightened.exit()).isEqualTo(1);
    assertThat(tightened.out()).contains("request field text:");
    assertThat(Wire.verify(pact, null, false).exit()).isZero();
  }

}
