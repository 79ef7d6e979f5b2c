package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.spec.SpecModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal valid instance of a JSON response schema, for the mock's documented answers to any operation: required
 * properties only (and one-value enums such as {@code object: ChatStarted}, which name what the answer is), each
 * enum's first value, the first {@code anyOf}/{@code oneOf} branch, arrays as short as allowed, numbers at their
 * minimum, strings as long as asked. String ids ({@code id}, {@code *_id}, or titled {@code UniqueId}) get a fresh
 * value on every answer; the rest of the tree is built once ({@link #of}) and copied.
 */
final class ExampleAnswer {
  /** Deeper than any answer of the provider's; stops a schema that refers to itself. */
  private static final int MAX_DEPTH = 24;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final JsonNode tree;
  /** Where the ids are: each a path of property names and array indexes from the root. */
  private final List<List<Object>> ids;

  private ExampleAnswer(JsonNode tree, List<List<Object>> ids) {
    this.tree = tree;
    this.ids = List.copyOf(ids);
  }

  /** The answer {@code schema} (of {@code document}, whose local {@code $ref}s it may use) describes. */
  static ExampleAnswer of(JsonNode document, JsonNode schema) {
    List<List<Object>> ids = new ArrayList<>();
    JsonNode tree = new Builder(document, ids).build(schema, "", new ArrayList<>(), 0);
    return new ExampleAnswer(tree, ids);
  }

  /** A fresh copy, with fresh ids. */
  JsonNode next() {
    JsonNode copy = tree.deepCopy();
    for (List<Object> path : ids) {
      JsonNode parent = copy;
      for (int i = 0; i < path.size() - 1; i++) {
        parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
      }
      Object last = path.get(path.size() - 1);
      if (last instanceof Integer index && parent instanceof ArrayNode array) {
        array.set(index, JSON.textNode(id()));
      } else if (parent instanceof ObjectNode object) {
        object.put((String) last, id());
      }
    }
    return copy;
  }

  /** 22 hex digits; a mock's ids need not be unguessable, so no SecureRandom (a lock per request). */
  static String id() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return (Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE))
        .substring(0, 22);
  }

  /** One walk of one schema. */
  private static final class Builder {
    private final JsonNode document;
    private final List<List<Object>> ids;

    Builder(JsonNode document, List<List<Object>> ids) {
      this.document = document;
      this.ids = ids;
    }

    JsonNode build(JsonNode raw, String name, List<Object> at, int depth) {
      JsonNode schema = SpecModel.resolve(document, raw);
      if (depth > MAX_DEPTH) {
        return JSON.nullNode();
      }
      if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
        return schema.path("enum").get(0);
      }
      for (String choice : List.of("anyOf", "oneOf")) {
        if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
          return build(firstUsable(schema.path(choice)), name, at, depth + 1);
        }
      }
      if (schema.path("allOf").isArray() && !schema.path("allOf").isEmpty()) {
        ObjectNode merged = JSON.objectNode();
        JsonNode last = JSON.nullNode();
        for (JsonNode part : schema.path("allOf")) {
          last = build(part, name, at, depth + 1);
          if (last instanceof ObjectNode object) {
            merged.setAll(object);
          }
        }
        return merged.isEmpty() ? last : merged;
      }
      String type = schema.path("type").asText(schema.has("properties") ? "object" : schema.has("items") ? "array" : "");
      return switch (type) {
        case "object" -> object(schema, at, depth);
        case "array" -> array(schema, name, at, depth);
        case "string" -> string(schema, name, at);
        case "integer", "number" -> number(schema, type);
        case "boolean" -> JSON.booleanNode(false);
        default -> schema.path("nullable").asBoolean() ? JSON.nullNode() : JSON.objectNode();
      };
    }

    /** The first branch that is not only {@code nullable: true} (the spec's way of saying "or null"). */
    private JsonNode firstUsable(JsonNode branches) {
      for (JsonNode branch : branches) {
        JsonNode resolved = SpecModel.resolve(document, branch);
        if (!(resolved.size() == 1 && resolved.has("nullable"))) {
          return branch;
        }
      }
      return branches.get(0);
    }

    private ObjectNode object(JsonNode schema, List<Object> at, int depth) {
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      ObjectNode object = JSON.objectNode();
      Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        JsonNode resolved = SpecModel.resolve(document, property.getValue());
        boolean constant = resolved.path("enum").size() == 1;
        if (required.contains(property.getKey()) || constant) {
          List<Object> path = new ArrayList<>(at);
          path.add(property.getKey());
          object.set(property.getKey(), build(property.getValue(), property.getKey(), path, depth + 1));
        }
      }
      return object;
    }

    private ArrayNode array(JsonNode schema, String name, List<Object> at, int depth) {
      ArrayNode array = JSON.arrayNode();
      int items = Math.min(Math.max(schema.path("minItems").asInt(0), 0), 8);
      for (int i = 0; i < items; i++) {
        List<Object> path = new ArrayList<>(at);
        path.add(i);
        array.add(build(schema.path("items"), name, path, depth + 1));
      }
      return array;
    }

    private JsonNode string(JsonNode schema, String name, List<Object> at) {
      String format = schema.path("format").asText("").toLowerCase(Locale.ROOT);
      String value = switch (format) {
        case "date-time" -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
        case "email" -> "someone@example.com";
        case "uri", "url" -> "https://example.com/";
        case "uuid" -> "00000000-0000-4000-8000-000000000000";
        default -> "";
      };
      if (value.isEmpty() && isId(schema, name)) {
        ids.add(List.copyOf(at));
        value = id();
      }
      if (value.isEmpty()) {
        value = "string";
      }
      int min = schema.path("minLength").asInt(0);
      int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
      StringBuilder text = new StringBuilder(value);
      while (text.length() < Math.min(min, 4096)) {
        text.append('x');
      }
      return JSON.textNode(text.length() > max ? text.substring(0, Math.max(max, 0)) : text.toString());
    }

    private static boolean isId(JsonNode schema, String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.equals("id") || lower.endsWith("_id") || "UniqueId".equals(schema.path("title").asText());
    }

    private static JsonNode number(JsonNode schema, String type) {
      BigDecimal value = BigDecimal.ZERO;
      if (schema.path("minimum").isNumber()) {
        value = schema.path("minimum").decimalValue();
        if (schema.path("exclusiveMinimum").asBoolean()) {
          value = value.add(BigDecimal.ONE);
        }
      } else if (schema.path("maximum").isNumber() && schema.path("maximum").decimalValue().signum() < 0) {
        value = schema.path("maximum").decimalValue();
        if (schema.path("exclusiveMaximum").asBoolean()) {
          value = value.subtract(BigDecimal.ONE);
        }
      }
      if (type.equals("integer")) {
        return JSON.numberNode(value.setScale(0, java.math.RoundingMode.CEILING).toBigInteger());
      }
      return JSON.numberNode(value);
    }
  }
}
