package io.github.unipilechat.options;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves option models to and from their spec-shaped JSON tree. The tree, not a list of getters, is what
 * reaches the wire, so a property the provider adds arrives with the next rebuild.
 */
final class ModelTrees {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ModelTrees() {}

  /** The model as a tree without nulls or empty arrays: a field that is not set sends nothing. */
  static ObjectNode toTree(Object model) {
    ObjectNode tree = MAPPER.valueToTree(model);
    prune(tree);
    return tree;
  }

  /** Reads a spec-shaped tree into a generated model; a mismatch names the field and what was wrong. */
  static <T> T fromTree(JsonNode tree, Class<T> modelClass) {
    try {
      return MAPPER.treeToValue(tree, modelClass);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidRequestException(field(e), "is not a field of " + shapeName(modelClass));
    } catch (MismatchedInputException e) {
      throw new InvalidRequestException(field(e), "must be " + describe(e.getTargetType()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Generated enums refuse unknown values with IllegalArgumentException, wrapped by Jackson.
      throw new InvalidRequestException("linkedin", rootMessage(e));
    }
  }

  private static void prune(JsonNode node) {
    if (!node.isContainerNode()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      JsonNode value = fields.next().getValue();
      prune(value);
      if (value.isNull() || (value.isArray() && value.isEmpty())) {
        fields.remove();
      }
    }
    if (node.isArray()) {
      node.forEach(ModelTrees::prune);
    }
  }

  private static String field(MismatchedInputException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
        .collect(Collectors.joining("."));
    return path.isEmpty() ? "linkedin" : "linkedin." + path;
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of the type the spec gives";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    return "an object";
  }

  private static String shapeName(Class<?> modelClass) {
    return modelClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int newline = message.indexOf('\n');
    return "is malformed: " + (newline < 0 ? message : message.substring(0, newline));
  }
}
