package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import io.github.unipilechat.internal.spec.Lazy;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SchemaEngine;
import io.github.unipilechat.internal.spec.SpecDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answers a spec documents for {@code POST /api/v1/chats}: per status key ({@code 201}, {@code 4XX},
 * {@code default}) the media types and their compiled schemas. Read from the document, on the same engine as the
 * request checks (networknt, draft 4 as OpenAPI 3.0 uses); nothing here names a status, field or type.
 */
public final class ResponseSpec {
  /**
   * Draft 4 plus the words OpenAPI 3.0 adds to a schema that validate nothing, and the {@code components} this class
   * puts beside each schema so its local $refs resolve; without them the engine warns on each unknown word.
   */
  private static final JsonMetaSchema OPENAPI_30 = openApi30();
  private static final JsonSchemaFactory FACTORY = SchemaEngine.draft4(factory -> factory.metaSchema(OPENAPI_30));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH).nullableKeywordEnabled(true).build();

  private final JsonNode document;
  private final String label;
  private final Map<String, Map<String, Media>> responses;

  /**
   * One documented media type of one answer: its schema as written (refs resolved against the document), compiled on
   * first use (a short command meets one or two of the documented answers, not all of them).
   */
  public static final class Media {
    private final String type;
    private final JsonNode schema;
    private final Lazy<JsonSchema> compiled;

    Media(String type, JsonNode schema, JsonNode document) {
      this.type = type;
      this.schema = schema;
      this.compiled = Lazy.of(() -> FACTORY.getSchema(withComponents(document, schema), CONFIG));
    }

    public String type() {
      return type;
    }

    public JsonNode schema() {
      return schema;
    }

    /** The schema on the project's one engine; compiled once, by the first caller. */
    public JsonSchema compiled() {
      return compiled.get();
    }
  }

  private ResponseSpec(JsonNode document, String label, JsonNode responsesNode) {
    this.document = document;
    this.label = label;
    Map<String, Map<String, Media>> byStatus = new LinkedHashMap<>();
    responsesNode.properties().forEach(response -> {
      Map<String, Media> content = new LinkedHashMap<>();
      SpecDocument.resolve(document, response.getValue()).path("content").properties().forEach(media -> {
        JsonNode schema = SpecDocument.resolve(document, media.getValue().path("schema"));
        content.put(media.getKey(), new Media(media.getKey(), schema, document));
      });
      byStatus.put(response.getKey(), Collections.unmodifiableMap(content));
    });
    this.responses = Collections.unmodifiableMap(byStatus);
  }

  /** The answers {@code operation} of {@code document} documents, read once and kept with the operation. */
  public static ResponseSpec of(JsonNode document, Operation operation) {
    return operation.derived(ResponseSpec.class,
        op -> new ResponseSpec(document, op.label(), document.at(op.pointer()).path("responses")));
  }

  /** How logs call the operation these answers are documented for ({@code start-new-chat}). */
  public String label() {
    return label;
  }

  public JsonNode document() {
    return document;
  }

  /** The status keys the spec documents, in its order. */
  public String statuses() {
    return String.join(", ", responses.keySet());
  }

  /** The documented content of the answer with {@code status}: its own entry, else its range (4XX), else default. */
  public Optional<Map<String, Media>> response(int status) {
    String exact = Integer.toString(status);
    Map<String, Media> content = responses.get(exact);
    if (content == null) {
      content = responses.get(exact.charAt(0) + "XX");
    }
    if (content == null) {
      content = responses.get(exact.charAt(0) + "xx");
    }
    if (content == null) {
      content = responses.get("default");
    }
    return Optional.ofNullable(content);
  }

  /** Local {@code $ref}s such as {@code #/components/schemas/X} resolve within the compiled schema too. */
  private static ObjectNode withComponents(JsonNode document, JsonNode schema) {
    ObjectNode copy = schema.isObject() ? (ObjectNode) schema.deepCopy() : JsonNodeFactory.instance.objectNode();
    if (document.has("components") && !copy.has("components")) {
      copy.set("components", document.get("components"));
    }
    return copy;
  }

  private static JsonMetaSchema openApi30() {
    JsonMetaSchema.Builder builder = JsonMetaSchema.builder(JsonMetaSchema.getV4());
    for (String word : new String[] {"components", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs",
        "example", "deprecated"}) {
      builder.keyword(new NonValidationKeyword(word));
    }
    return builder.build();
  }
}
