package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.text.UntrustedText;
import java.util.function.UnaryOperator;

/** How a finding shows what came: a JSON type, never a free text; enum values and names bounded and scrubbed. */
final class Shown {
  static final int VALUE_MAX = 60;
  static final int LIST_MAX = 5;
  static final int POINTER_MAX = 200;

  private Shown() {}

  /** "a string", "an object", ... */
  static String type(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "absent";
    }
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a value";
    };
  }

  /** An enum-like value: the value itself for a string, number or boolean; otherwise only its type. */
  static String value(JsonNode node, UnaryOperator<String> scrub) {
    if (node != null && node.isTextual()) {
      return "\"" + text(node.asText(), scrub) + "\"";
    }
    if (node != null && node.isValueNode() && !node.isNull()) {
      return text(node.asText(), scrub);
    }
    return type(node);
  }

  /** One line, bounded, the API key redacted. */
  static String text(String text, UnaryOperator<String> scrub) {
    return UntrustedText.oneLine(scrub.apply(text), VALUE_MAX);
  }

  /** The spec's enum values: all of a short list, the first few of a long one. */
  static String list(JsonNode values) {
    StringBuilder out = new StringBuilder("one of [");
    for (int i = 0; i < Math.min(values.size(), LIST_MAX); i++) {
      out.append(i == 0 ? "" : ", ").append(values.get(i).asText());
    }
    if (values.size() > LIST_MAX) {
      out.append(", ... ").append(values.size() - LIST_MAX).append(" more");
    }
    return out.append(']').toString();
  }

  /** A JSON pointer built from the provider's field names, made safe to show. */
  static String pointer(String pointer, UnaryOperator<String> scrub) {
    return UntrustedText.oneLine(scrub.apply(pointer), POINTER_MAX);
  }

  /** {@code name} as one JSON pointer segment. */
  static String segment(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
