package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/**
 * A value that travels as text (a form part, a query or path parameter, a header), read as its schema's type: the
 * integer, number or boolean it spells, else the text itself. The rules then judge the typed value, so {@code 5}
 * and {@code five} read the same in the client, the mock and verify-pact.
 */
public final class TextValue {
  private TextValue() {}

  /** {@code value} as {@code schema}'s {@code type} asks; text when it does not spell one (the rules say why). */
  public static JsonNode typed(JsonNode schema, String value) {
    String type = schema.path("type").asText();
    try {
      switch (type) {
        case "integer" -> {
          return JsonNodeFactory.instance.numberNode(new BigDecimal(value).toBigIntegerExact());
        }
        case "number" -> {
          return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
        }
        case "boolean" -> {
          if (value.equals("true") || value.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
          }
        }
        default -> { }
      }
    } catch (NumberFormatException | ArithmeticException notANumber) {
      // Left as text: the validator names the type the spec wants.
    }
    return JsonNodeFactory.instance.textNode(value);
  }
}
