package io.github.unipilechat.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every $ref of a document is checked once: only places inside it, that exist, with no cycle a validator loops on. */
class SpecDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:9/y.json", "file:///etc/passwd", "other.json#/A", "//host/y.json", "#"})
  void aRefOutsideTheDocumentIsRefusedNamingWhereItSits(String ref) throws Exception {
    JsonNode doc = json("{'components': {'schemas': {'A': {'properties': {'x': {'$ref': '" + ref + "'}}}}}}");

    assertThatThrownBy(() -> SpecDocument.of(doc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("$ref at /components/schemas/A/properties/x refers outside the document; only references to a"
            + " place inside it (#/...) are followed, nothing is fetched or opened");
  }

  @Test
  void aRefToNothingIsRefused() throws Exception {
    JsonNode doc = json("{'a': {'$ref': '#/components/schemas/Gone'}}");

    assertThatThrownBy(() -> SpecDocument.of(doc)).hasMessage("$ref at /a points to nothing in the document");
  }

  @Test
  void twoRefsToEachOtherAreACycleNotAStackOverflow() throws Exception {
    JsonNode doc = json("{'components': {'schemas': {'A': {'$ref': '#/components/schemas/B'},"
        + " 'B': {'$ref': '#/components/schemas/A'}}}}");

    assertThatThrownBy(() -> SpecDocument.of(doc)).hasMessageStartingWith("$ref at /components/schemas/A is part of a cycle");
  }

  @Test
  void aSchemaThatIsOneOfItsOwnBranchesIsACycle() throws Exception {
    JsonNode doc = json("{'components': {'schemas': {'A': {'allOf': [{'type': 'object'},"
        + " {'anyOf': [{'$ref': '#/components/schemas/A'}]}]}}}}");

    assertThatThrownBy(() -> SpecDocument.of(doc))
        .hasMessageStartingWith("$ref at /components/schemas/A/allOf/1/anyOf/0 is part of a cycle");
  }

  @Test
  void aTreeOfNodesRecursesThroughItsPropertiesAndIsAccepted() throws Exception {
    JsonNode doc = json("{'components': {'schemas': {'Node': {'type': 'object', 'properties': {"
        + "'children': {'type': 'array', 'items': {'$ref': '#/components/schemas/Node'}}}}}}}");

    assertThatCode(() -> SpecDocument.of(doc)).doesNotThrowAnyException();
  }

  @Test
  void aLongChainIsRefused() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    var schemas = f.objectNode();
    for (int i = 0; i <= SpecDocument.MAX_HOPS; i++) {
      schemas.putObject("S" + i).put("$ref", "#/components/schemas/S" + (i + 1));
    }
    schemas.putObject("S" + (SpecDocument.MAX_HOPS + 1)).put("type", "string");
    JsonNode doc = f.objectNode().set("components", f.objectNode().set("schemas", schemas));

    assertThatThrownBy(() -> SpecDocument.of(doc)).hasMessage("$ref at /components/schemas/S0 starts a chain of more than "
        + SpecDocument.MAX_HOPS + " $refs");
  }

  @Test
  void aPointerInTheMessageIsPrintableAndCut() throws Exception {
    String name = "evil\u001b[31m\nname" + "x".repeat(500);
    JsonNode doc = JsonNodeFactory.instance.objectNode().set(name,
        JsonNodeFactory.instance.objectNode().put("$ref", "https://example.com/"));

    assertThatThrownBy(() -> SpecDocument.of(doc)).satisfies(e -> assertThat(e.getMessage())
        .doesNotContain("\u001b").doesNotContain("\n").hasSizeLessThan(400));
  }

  @Test
  void aDeepDocumentIsWalkedWithoutRecursion() {
    ArrayNode deep = JsonNodeFactory.instance.arrayNode();
    ArrayNode inner = deep;
    for (int i = 0; i < 100_000; i++) {
      inner = inner.addArray();
    }
    inner.addObject().put("$ref", "http://127.0.0.1:9/y.json");
    JsonNode doc = JsonNodeFactory.instance.objectNode().set("deep", deep);

    assertThatThrownBy(() -> SpecDocument.of(doc)).hasMessageContaining("refers outside the document");
  }

  @Test
  void theResolverFollowsAChainAndDecodesAPercentEncodedPointer() throws Exception {
    JsonNode doc = json("{'components': {'schemas': {'a b': {'$ref': '#/components/schemas/C'},"
        + " 'C': {'type': 'string'}}}, 'use': {'$ref': '#/components/schemas/a%20b'}}");

    SpecDocument checked = SpecDocument.of(doc);

    assertThat(checked.resolve(doc.get("use")).path("type").asText()).isEqualTo("string");
    assertThat(checked.resolve(doc.get("components"))).isSameAs(doc.get("components"));
  }

  @Test
  void theResolverRefusesLoudlyWhatAnUncheckedDocumentGetsWrong() throws Exception {
    JsonNode doc = json("{'a': {'$ref': 'http://127.0.0.1:9/y.json'}}");

    assertThatThrownBy(() -> SpecDocument.resolve(doc, doc.get("a"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only references to a place inside the document");
  }

  @Test
  void theProviderDocumentPasses() {
    assertThatCode(() -> SpecDocument.of(ProviderSpec.document())).doesNotThrowAnyException();
  }
}
