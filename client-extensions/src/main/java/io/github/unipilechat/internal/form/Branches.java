package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which branch of an {@code anyOf} (or {@code oneOf}) an object means, read from the branches themselves: the
 * discriminator is the property every branch pins to one {@code enum} value (LinkedIn's {@code api}), so a branch
 * the provider adds is chosen by its own value with no edit here.
 */
public final class Branches {
  private Branches() {}

  /** The branches of {@code schema}, or an empty list when it has none. */
  public static List<JsonNode> of(JsonNode schema) {
    JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    List<JsonNode> branches = new ArrayList<>();
    if (alternatives != null) {
      alternatives.forEach(branches::add);
    }
    return branches;
  }

  /** The property every branch pins to a single value, e.g. {@code api}; empty when there is none. */
  public static Optional<String> discriminator(JsonNode schema) {
    List<JsonNode> branches = of(schema);
    if (branches.isEmpty()) {
      return Optional.empty();
    }
    for (Iterator<String> names = branches.get(0).path("properties").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (branches.stream().allMatch(branch -> pinned(branch, name).isPresent())) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The one value {@code branch} allows for {@code property}, when its schema is a one-value enum. */
  public static Optional<JsonNode> pinned(JsonNode branch, String property) {
    JsonNode allowed = branch.path("properties").path(property).get("enum");
    return allowed != null && allowed.size() == 1 ? Optional.of(allowed.get(0)) : Optional.empty();
  }

  /**
   * The branch {@code instance} means: the one whose discriminator value it carries; without one, among the
   * branches that do not require the discriminator, the first whose properties hold every key of the instance
   * (else the first of them); with no discriminator at all, the first branch holding every key. {@code schema}
   * itself when it has no branches; null when no branch fits.
   */
  public static JsonNode choose(JsonNode schema, JsonNode instance) {
    List<JsonNode> branches = of(schema);
    if (branches.isEmpty()) {
      return schema;
    }
    Optional<String> discriminator = discriminator(schema);
    List<JsonNode> candidates = new ArrayList<>();
    if (discriminator.isPresent()) {
      String name = discriminator.get();
      JsonNode value = instance.get(name);
      if (value != null) {
        return branches.stream().filter(b -> pinned(b, name).orElseThrow().equals(value)).findFirst().orElse(null);
      }
      branches.stream().filter(b -> !requires(b, name)).forEach(candidates::add);
    } else {
      candidates.addAll(branches);
    }
    for (JsonNode branch : candidates) {
      if (holdsEveryKey(branch, instance)) {
        return branch;
      }
    }
    // With a discriminator, its absence names the default branch; without one, an object no branch holds
    // fits none.
    return discriminator.isPresent() && !candidates.isEmpty() ? candidates.get(0) : null;
  }

  /** The branch whose property names are exactly {@code names} (a generated model's JSON properties), if one. */
  public static Optional<JsonNode> withProperties(JsonNode schema, Set<String> names) {
    List<JsonNode> matching = of(schema).stream().filter(b -> propertyNames(b).equals(new TreeSet<>(names))).toList();
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }

  /** The branch's title, or "options" when it has none: used in messages. */
  public static String title(JsonNode branch) {
    return branch.path("title").asText("options");
  }

  private static Set<String> propertyNames(JsonNode branch) {
    Set<String> names = new TreeSet<>();
    branch.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static boolean requires(JsonNode branch, String name) {
    for (JsonNode required : branch.path("required")) {
      if (required.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsEveryKey(JsonNode branch, JsonNode instance) {
    JsonNode properties = branch.path("properties");
    for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
      if (!properties.has(names.next())) {
        return false;
      }
    }
    return true;
  }
}
