package io.github.unipilechat.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.internal.form.Branches;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Replaces each {@code anyOf} of a schema by the one branch an instance means, so that the validator reports
 * "days: must have a minimum value of 3" instead of "matches none of three schemas", and finds on the way what the
 * spec does not describe: a key the chosen branch (or a plain object schema) does not list, and a value fitting
 * several branches at once (both days and weeks). The spec's letter allows both (no {@code additionalProperties:
 * false}; {@code anyOf} is "at least one"), so they are {@link Violation.Kind#NOT_DESCRIBED}, not rules.
 */
final class AnyOfResolver {
  /** The words of every "not described" finding: the same in the client, the mock and verify-pact. */
  static final String NOT_DESCRIBED = "is not described by the spec; the provider may ignore it";

  private AnyOfResolver() {}

  /**
   * Chooses, for every {@code anyOf} the instance reaches, the one branch it means, reporting an instance that
   * fits none or several, and every key no schema on the way describes. Nothing is copied: the schema is only
   * rewritten by {@link Choices#apply}.
   */
  static Choices choose(JsonNode schema, JsonNode instance, String field, List<Violation> violations) {
    Choices choices = new Choices();
    walk(schema, instance, field, violations, choices);
    return choices;
  }

  private static void walk(JsonNode schema, JsonNode instance, String field, List<Violation> violations,
      Choices choices) {
    if (!instance.isObject()) {
      return;
    }
    JsonNode chosen = schema;
    List<JsonNode> alsoFitting = List.of();
    if (schema.has("anyOf")) {
      List<JsonNode> branches = Branches.of(schema);
      List<JsonNode> complete = new ArrayList<>();
      chosen = pick(branches, Branches.pins(schema), instance, field, violations, complete);
      choices.take(schema, chosen, chosen == null ? "-" : keyOf(branches, chosen, complete), field);
      if (chosen == null) {
        return;
      }
      alsoFitting = complete;
    }
    JsonNode properties = chosen.get("properties");
    if (properties == null) {
      return;
    }
    undescribed(schema, chosen, alsoFitting, instance, field, violations);
    int objects = 0;
    String onlyObject = null;
    for (Iterator<Map.Entry<String, JsonNode>> values = instance.properties().iterator(); values.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = values.next();
      if (entry.getValue().isObject()) {
        objects++;
        onlyObject = entry.getKey();
      }
    }
    if (objects == 0) {
      return; // only objects are walked further
    }
    if (objects == 1) {
      // The usual case, one nested object (linkedin, follow_up): straight to it, not through every property.
      // Measured on the benchmark's request: the whole check 2.7 µs with this, 4.1-4.5 µs without.
      JsonNode propertySchema = properties.get(onlyObject);
      if (propertySchema != null && (propertySchema.has("anyOf") || propertySchema.has("properties"))) {
        walk(propertySchema, instance.get(onlyObject), join(field, onlyObject), violations, choices);
      }
      return;
    }
    // Several: in the schema's order, which is the order findings are reported in.
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

  /**
   * Every key of {@code instance} that {@code chosen} does not list, unless the schema allows others explicitly
   * ({@code additionalProperties} true or a schema; {@code false} is a rule the engine itself reports). Keys of
   * other branches the instance also completes were reported with the ambiguity, once.
   */
  private static void undescribed(JsonNode declared, JsonNode chosen, List<JsonNode> alsoFitting, JsonNode instance,
      String field, List<Violation> violations) {
    if (chosen.has("additionalProperties")) {
      return;
    }
    JsonNode properties = chosen.path("properties");
    for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (properties.has(name) || alsoFitting.stream().anyMatch(b -> b.path("properties").has(name))) {
        continue;
      }
      violations.add(new Violation(join(field, name), notDescribedHere(declared, name, field),
          Violation.Kind.NOT_DESCRIBED));
    }
  }

  /** With a discriminator, says which of its values declares the key (follow_up sent without api=recruiter). */
  private static String notDescribedHere(JsonNode declared, String name, String field) {
    Optional<String> discriminator = Branches.discriminator(declared);
    if (discriminator.isEmpty()) {
      return NOT_DESCRIBED;
    }
    List<String> owners = new ArrayList<>();
    for (JsonNode branch : Branches.of(declared)) {
      if (branch.path("properties").has(name)) {
        Branches.pinned(branch, discriminator.get()).ifPresent(value -> owners.add(value.asText()));
      }
    }
    if (owners.isEmpty()) {
      return NOT_DESCRIBED;
    }
    return "is not described by the spec for this shape (only when " + join(field, discriminator.get()) + " is "
        + String.join(" or ", owners) + "); the provider may ignore it";
  }

  /** The branches one instance takes; they alone decide the resolved schema, so {@link #key} names it. */
  static final class Choices {
    // A request meets a handful of anyOfs: the default sizes (32 slots, 16 chars) were most of this object.
    private final Map<JsonNode, JsonNode> taken = new IdentityHashMap<>(4);
    private final StringBuilder key = new StringBuilder(64);

    private void take(JsonNode anyOf, JsonNode branch, String branchKey, String field) {
      taken.put(anyOf, branch);
      key.append(field).append('#').append(branchKey).append(';');
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

  /**
   * The branch meant; null when none fits (reported). Several complete branches at once (days and weeks) are
   * reported as not described and the first is checked, so its own rules still apply; {@code complete} receives
   * them all.
   */
  private static JsonNode pick(List<JsonNode> branches, List<Map<String, JsonNode>> pins, JsonNode instance,
      String field, List<Violation> violations, List<JsonNode> complete) {
    List<JsonNode> fitting = new ArrayList<>(branches.size());
    for (int i = 0; i < branches.size(); i++) {
      if (!contradicted(pins.get(i), instance)) {
        fitting.add(branches.get(i));
      }
    }
    if (fitting.isEmpty()) {
      violations.add(discriminatorViolation(branches, instance, field));
      return null;
    }
    for (JsonNode branch : fitting) {
      if (requiredPresent(branch, instance) == branch.path("required").size()) {
        complete.add(branch);
      }
    }
    if (complete.size() == 1) {
      return complete.get(0);
    }
    if (complete.size() > 1) {
      violations.add(new Violation(field.isEmpty() ? "request" : field, "is not described by the spec: it matches "
          + describe(complete) + " at once; the provider may ignore all but one", Violation.Kind.NOT_DESCRIBED));
      return merged(complete);
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

  /**
   * The branches an instance completes at once, as one schema: every property of each (the first branch's schema
   * where two declare the same one) and all their required fields, so each value sent is still checked by its own
   * branch's rules (weeks=9 beside days=5 is refused even when the pair is accepted).
   */
  private static JsonNode merged(List<JsonNode> complete) {
    ObjectNode merged = ((ObjectNode) complete.get(0)).deepCopy();
    ObjectNode properties = merged.withObjectProperty("properties");
    ArrayNode required = merged.withArrayProperty("required");
    for (JsonNode branch : complete.subList(1, complete.size())) {
      branch.path("properties").properties().forEach(p -> {
        if (!properties.has(p.getKey())) {
          properties.set(p.getKey(), p.getValue());
        }
      });
      for (JsonNode name : branch.path("required")) {
        if (!contains(required, name)) {
          required.add(name);
        }
      }
    }
    merged.put("title", describe(complete));
    return merged;
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** Names the branch taken for the cache key: its index, or the indexes {@link #merged} joined ({@code 0+1}). */
  private static String keyOf(List<JsonNode> branches, JsonNode branch, List<JsonNode> complete) {
    if (complete.size() <= 1) {
      for (int i = 0; i < branches.size(); i++) {
        if (branches.get(i) == branch) {
          return String.valueOf(i); // the usual case, one branch taken: no joiner
        }
      }
    }
    StringJoiner indexes = new StringJoiner("+");
    for (int i = 0; i < branches.size(); i++) {
      if (branches.get(i) == branch || (complete.size() > 1 && isIn(complete, branches.get(i)))) {
        indexes.add(String.valueOf(i));
      }
    }
    return indexes.toString();
  }

  private static boolean isIn(List<JsonNode> nodes, JsonNode node) {
    return nodes.stream().anyMatch(n -> n == node);
  }

  /** A branch is ruled out when a property it pins to one value ({@link Branches#pins}) holds another. */
  private static boolean contradicted(Map<String, JsonNode> pinned, JsonNode instance) {
    for (Map.Entry<String, JsonNode> pin : pinned.entrySet()) {
      JsonNode value = instance.get(pin.getKey());
      if (value != null && !pin.getValue().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Violation discriminatorViolation(List<JsonNode> branches, JsonNode instance, String field) {
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
