package io.github.unipilechat.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Replaces each {@code anyOf} of a schema by the one branch an instance means, so that the validator reports
 * "days: must be at least 3" instead of "matches none of three schemas". The spec writes {@code anyOf} where
 * the provider means "exactly one of": a value fitting several branches at once (both days and weeks) is
 * refused here.
 */
final class AnyOfResolver {
  private AnyOfResolver() {}

  /**
   * Chooses, for every {@code anyOf} the instance reaches, the one branch it means, reporting an instance that
   * fits none or several. Nothing is copied: the schema is only rewritten by {@link Choices#apply}.
   */
  static Choices choose(JsonNode schema, JsonNode instance, String field, List<Violation> violations) {
    Choices choices = new Choices();
    walk(schema, instance, field, violations, choices);
    return choices;
  }

  private static void walk(JsonNode schema, JsonNode instance, String field, List<Violation> violations,
      Choices choices) {
    JsonNode chosen = schema;
    if (schema.has("anyOf") && instance.isObject()) {
      JsonNode branches = schema.get("anyOf");
      chosen = pick(branches, instance, field, violations);
      choices.take(schema, branches, chosen, field);
      if (chosen == null) {
        return;
      }
    }
    JsonNode properties = chosen.get("properties");
    if (properties == null || !instance.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode value = instance.get(property.getKey());
      JsonNode propertySchema = property.getValue();
      if (value != null && (propertySchema.has("anyOf") || propertySchema.has("properties"))) {
        walk(propertySchema, value, join(field, property.getKey()), violations, choices);
      }
    }
  }

  /** The branches one instance takes; they alone decide the resolved schema, so {@link #key} names it. */
  static final class Choices {
    private final Map<JsonNode, JsonNode> taken = new IdentityHashMap<>();
    private final StringBuilder key = new StringBuilder();

    private void take(JsonNode anyOf, JsonNode branches, JsonNode branch, String field) {
      taken.put(anyOf, branch);
      key.append(field).append('#').append(branch == null ? "-" : String.valueOf(indexOf(branches, branch)))
          .append(';');
    }

    /** False when {@code schema} is an {@code anyOf} the instance fits no branch of (reported already). */
    boolean fits(JsonNode schema) {
      return !taken.containsKey(schema) || taken.get(schema) != null;
    }

    /** One {@code field#branch} entry per {@code anyOf} met, {@code #-} where none fits. */
    String key() {
      return key.toString();
    }

    /**
     * {@code schema} with each chosen {@code anyOf} replaced by its branch, and a property whose value fits no
     * branch dropped (it is reported already); null when the schema itself fits none. Copies only the path to
     * what changed, so the spec's unchanged parts are shared.
     */
    JsonNode apply(JsonNode schema) {
      JsonNode chosen = taken.containsKey(schema) ? taken.get(schema) : schema;
      if (chosen == null || !(chosen.get("properties") instanceof ObjectNode props)) {
        return chosen;
      }
      ObjectNode resolvedProperties = null;
      Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode inner = apply(property.getValue());
        if (inner != property.getValue()) {
          if (resolvedProperties == null) {
            resolvedProperties = props.objectNode().setAll(props);
          }
          if (inner == null) {
            // Already reported; validating it again would only repeat the same fault in worse words.
            resolvedProperties.remove(property.getKey());
          } else {
            resolvedProperties.set(property.getKey(), inner);
          }
        }
      }
      if (resolvedProperties == null) {
        return chosen;
      }
      ObjectNode resolved = ((ObjectNode) chosen).objectNode().setAll((ObjectNode) chosen);
      resolved.set("properties", resolvedProperties);
      return resolved;
    }
  }

  private static JsonNode pick(JsonNode branches, JsonNode instance, String field, List<Violation> violations) {
    List<JsonNode> fitting = new ArrayList<>();
    for (JsonNode branch : branches) {
      if (!contradicted(branch, instance)) {
        fitting.add(branch);
      }
    }
    if (fitting.isEmpty()) {
      violations.add(discriminatorViolation(branches, instance, field));
      return null;
    }
    List<JsonNode> complete = fitting.stream().filter(b -> requiredPresent(b, instance) == b.path("required").size()).toList();
    if (complete.size() == 1) {
      return complete.get(0);
    }
    if (complete.size() > 1) {
      violations.add(new Violation(field, "must match exactly one of " + describe(complete) + ", not several"));
      return null;
    }
    // Nothing complete: the branch with most of its required fields is what the caller meant, and the
    // validator will name what it still misses.
    int best = fitting.stream().mapToInt(b -> requiredPresent(b, instance)).max().orElse(0);
    List<JsonNode> closest = fitting.stream().filter(b -> requiredPresent(b, instance) == best).toList();
    if (closest.size() == 1) {
      return closest.get(0);
    }
    violations.add(new Violation(field, "must match one of " + describe(closest)));
    return null;
  }

  private static int indexOf(JsonNode branches, JsonNode branch) {
    for (int i = 0; i < branches.size(); i++) {
      if (branches.get(i) == branch) {
        return i;
      }
    }
    throw new IllegalStateException("not one of the branches");
  }

  /** A branch is ruled out when a property it pins to one value holds another. */
  private static boolean contradicted(JsonNode branch, JsonNode instance) {
    Iterator<Map.Entry<String, JsonNode>> it = branch.path("properties").properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode allowed = property.getValue().get("enum");
      JsonNode value = instance.get(property.getKey());
      if (allowed != null && allowed.size() == 1 && value != null && !allowed.get(0).equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Violation discriminatorViolation(JsonNode branches, JsonNode instance, String field) {
    for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      List<String> values = new ArrayList<>();
      for (JsonNode branch : branches) {
        JsonNode allowed = branch.path("properties").path(name).get("enum");
        if (allowed != null && allowed.size() == 1) {
          values.add(allowed.get(0).asText());
        }
      }
      if (!values.isEmpty()) {
        return new Violation(join(field, name), "must be one of " + values);
      }
    }
    return new Violation(field, "must match one of " + describe(branches));
  }

  private static int requiredPresent(JsonNode branch, JsonNode instance) {
    int present = 0;
    for (JsonNode name : branch.path("required")) {
      if (instance.has(name.asText())) {
        present++;
      }
    }
    return present;
  }

  private static String describe(Iterable<JsonNode> branches) {
    StringJoiner joiner = new StringJoiner(", ");
    for (JsonNode branch : branches) {
      List<String> required = new ArrayList<>();
      branch.path("required").forEach(r -> required.add(r.asText()));
      joiner.add(branch.path("title").asText("a schema") + (required.isEmpty() ? "" : " " + required));
    }
    return joiner.toString();
  }

  static String join(String field, String name) {
    if (name == null || name.isEmpty()) {
      return field;
    }
    return field.isEmpty() ? name : field + "." + name;
  }
}
