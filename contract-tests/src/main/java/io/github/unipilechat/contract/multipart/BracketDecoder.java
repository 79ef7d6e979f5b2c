package io.github.unipilechat.contract.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.spec.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns received multipart fields into the request's JSON shape, reading bracket names the way the provider
 * does: {@code linkedin[follow_up][scheduled_time][days]=5} becomes {@code {"linkedin":{"follow_up":
 * {"scheduled_time":{"days":5}}}}}. Types come from the spec's schema: a field the schema makes an array is
 * always an array, numbers and booleans are parsed, and anything that does not parse stays a string so the
 * validator reports it.
 */
public final class BracketDecoder {
  /**
   * Bracket levels read before a name is refused. The spec's deepest field has 4; the bound only keeps the
   * parser's work and the decoded tree's depth small whatever a client sends.
   */
  public static final int MAX_DEPTH = 32;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final JsonNode requestSchema;

  /** @param requestSchema the operation's multipart request schema */
  public BracketDecoder(JsonNode requestSchema) {
    this.requestSchema = requestSchema;
  }

  /** Decodes the parts, in arrival order, into the request's JSON shape, with any form rule they break. */
  public DecodedRequest decode(List<? extends ReceivedField> received) {
    ObjectNode fields = JSON.objectNode();
    List<ReceivedField.File> files = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (ReceivedField field : received) {
      List<String> path = path(field.name());
      if (path == null) {
        violations.add(new Violation(shown(field.name()), "is not a valid field name"));
        continue;
      }
      if (path.size() > MAX_DEPTH) {
        violations.add(new Violation(shown(field.name()), "has more than " + (MAX_DEPTH - 1)
            + " bracket levels, more than this reader follows"));
        continue;
      }
      String dotted = String.join(".", path);
      List<JsonNode> schemas = schemasAt(path);
      boolean binary = schemas.stream().anyMatch(BracketDecoder::isBinary);
      String value;
      if (field instanceof ReceivedField.File file) {
        files.add(file);
        value = file.fileName() == null ? "" : file.fileName();
        if (!schemas.isEmpty() && !binary) {
          violations.add(new Violation(dotted, "must be a text field, not a file"));
        }
      } else {
        value = ((ReceivedField.Text) field).value();
        if (binary) {
          violations.add(new Violation(dotted, "must be a file part (with a filename), not a text field"));
        }
        if (path.size() == 1 && isObject(schemas)) {
          violations.add(new Violation(dotted, "must be sent as bracket fields like " + path.get(0)
              + "[api], not as one " + (value.trim().startsWith("{") ? "JSON " : "") + "part"));
        }
      }
      if (!put(fields, path, value, schemas)) {
        violations.add(new Violation(dotted, "is sent more than once; the spec allows one value"));
      }
    }
    return new DecodedRequest(fields, files, violations);
  }

  /**
   * {@code a[b][c]} → [a, b, c]; null when the name is not of that form. Read in one pass without regular
   * expressions or recursion; stops after {@link #MAX_DEPTH} + 1 segments, which the caller refuses.
   */
  static List<String> path(String name) {
    int open = name.indexOf('[');
    String head = open < 0 ? name : name.substring(0, open);
    if (head.isEmpty() || head.indexOf(']') >= 0) {
      return null;
    }
    List<String> path = new ArrayList<>();
    path.add(head);
    int i = open < 0 ? name.length() : open;
    while (i < name.length()) {
      if (name.charAt(i) != '[') {
        return null;
      }
      int close = i + 1;
      while (close < name.length() && name.charAt(close) != ']' && name.charAt(close) != '[') {
        close++;
      }
      if (close >= name.length() || name.charAt(close) != ']') {
        return null;
      }
      // "a[]" is the common "append to a list" spelling; the list-ness comes from the schema anyway.
      if (close > i + 1) {
        path.add(name.substring(i + 1, close));
        if (path.size() > MAX_DEPTH) {
          return path;
        }
      }
      i = close + 1;
    }
    return path;
  }

  /** A field name as a violation shows it: long ones cut, so a hostile name cannot flood a report. */
  private static String shown(String name) {
    return name.length() <= 120 ? name : name.substring(0, 120) + "… (" + name.length() + " characters)";
  }

  /** @return false when the field was already sent and the spec allows one value (the first is kept) */
  private boolean put(ObjectNode root, List<String> path, String raw, List<JsonNode> schemas) {
    ObjectNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode child = parent.get(path.get(i));
      if (!(child instanceof ObjectNode)) {
        // A scalar where an object was expected is reported by the validator from the leaf we keep.
        child = parent.putObject(path.get(i));
      }
      parent = (ObjectNode) child;
    }
    String leaf = path.get(path.size() - 1);
    JsonNode value = typed(raw, schemas);
    if (isArray(schemas)) {
      JsonNode existing = parent.get(leaf);
      ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(leaf);
      array.add(typed(raw, itemSchemas(schemas)));
    } else if (parent.has(leaf)) {
      // Repeated where the spec allows one value: say so, rather than let the validator read an array.
      return false;
    } else {
      parent.set(leaf, value);
    }
    return true;
  }

  /** Every schema the spec gives for this path (several where an anyOf offers the same property). */
  private List<JsonNode> schemasAt(List<String> path) {
    List<JsonNode> current = List.of(requestSchema);
    for (String segment : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode schema : current) {
        for (JsonNode alternative : alternatives(schema)) {
          JsonNode property = alternative.path("properties").get(segment);
          if (property != null) {
            next.add(property);
          }
        }
      }
      current = next;
    }
    return current;
  }

  private static List<JsonNode> alternatives(JsonNode schema) {
    List<JsonNode> all = new ArrayList<>();
    all.add(schema);
    for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
      schema.path(keyword).forEach(branch -> all.addAll(alternatives(branch)));
    }
    return all;
  }

  private static JsonNode typed(String raw, List<JsonNode> schemas) {
    String type = schemas.stream().flatMap(s -> alternatives(s).stream())
        .map(s -> s.path("type").asText("")).filter(t -> !t.isEmpty()).findFirst().orElse("string");
    switch (type) {
      case "number":
      case "integer":
        try {
          return JSON.numberNode(new BigDecimal(raw.trim()));
        } catch (NumberFormatException e) {
          return JSON.textNode(raw);
        }
      case "boolean":
        if (raw.equals("true") || raw.equals("false")) {
          return JSON.booleanNode(Boolean.parseBoolean(raw));
        }
        return JSON.textNode(raw);
      default:
        return JSON.textNode(raw);
    }
  }

  private static List<JsonNode> itemSchemas(List<JsonNode> schemas) {
    List<JsonNode> items = new ArrayList<>();
    schemas.forEach(s -> alternatives(s).forEach(a -> {
      if (a.has("items")) {
        items.add(a.get("items"));
      }
    }));
    return items;
  }

  private static boolean isArray(List<JsonNode> schemas) {
    return schemas.stream().flatMap(s -> alternatives(s).stream()).anyMatch(s -> "array".equals(s.path("type").asText()));
  }

  private static boolean isObject(List<JsonNode> schemas) {
    return schemas.stream().flatMap(s -> alternatives(s).stream())
        .anyMatch(s -> "object".equals(s.path("type").asText()) || s.has("properties"));
  }

  private static boolean isBinary(JsonNode schema) {
    return "binary".equals(schema.path("format").asText()) || "binary".equals(schema.path("items").path("format").asText());
  }
}
