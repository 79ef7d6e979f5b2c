package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which branch of an {@code anyOf} (or {@code oneOf}) an object means, read from the branches themselves: the
 * discriminator is the property every branch pins to one {@code enum} value (LinkedIn's {@code api}), so a branch
 * the provider adds is chosen by its own value with no edit here.
 */
public final class Branches {
  private Branches() {}

  // What a schema's branches say is read once per schema node, not once per request: a small direct-mapped cache
  // keyed by node identity (schemas are never modified once read). Bounded, so documents read by tests or tools do
  // not pile up; a collision or a race only means reading the branches again.
  private static final int CACHE_SIZE = 64;
  private static final AtomicReferenceArray<Facts> CACHE = new AtomicReferenceArray<>(CACHE_SIZE);

  /**
   * One {@code anyOf}'s branches, read once: the discriminator (or null), each branch's pinned properties, and the
   * branch each discriminator value names.
   */
  private record Facts(JsonNode schema, List<JsonNode> branches, String discriminator, List<Map<String, JsonNode>> pins,
      Map<JsonNode, JsonNode> byValue) {}

  private static Facts facts(JsonNode schema) {
    int slot = System.identityHashCode(schema) & (CACHE_SIZE - 1);
    Facts cached = CACHE.get(slot);
    if (cached != null && cached.schema() == schema) {
      return cached;
    }
    Facts read = read(schema);
    CACHE.set(slot, read);
    return read;
  }

  private static Facts read(JsonNode schema) {
    JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    List<JsonNode> branches = new ArrayList<>();
    if (alternatives != null) {
      alternatives.forEach(branches::add);
    }
    List<Map<String, JsonNode>> pins = new ArrayList<>();
    for (JsonNode branch : branches) {
      Map<String, JsonNode> pinned = new LinkedHashMap<>();
      branch.path("properties").properties().forEach(property -> {
        JsonNode allowed = property.getValue().get("enum");
        if (allowed != null && allowed.size() == 1) {
          pinned.put(property.getKey(), allowed.get(0));
        }
      });
      pins.add(Collections.unmodifiableMap(pinned));
    }
    String discriminator = null;
    if (!branches.isEmpty()) {
      for (String name : pins.get(0).keySet()) {
        if (pins.stream().allMatch(p -> p.containsKey(name))) {
          discriminator = name;
          break;
        }
      }
    }
    Map<JsonNode, JsonNode> byValue = new HashMap<>();
    if (discriminator != null) {
      for (int i = branches.size() - 1; i >= 0; i--) { // the first branch wins when two pin the same value
        byValue.put(pins.get(i).get(discriminator), branches.get(i));
      }
    }
    return new Facts(schema, List.copyOf(branches), discriminator, List.copyOf(pins), byValue);
  }

  /** The branches of {@code schema}, or an empty list when it has none. */
  public static List<JsonNode> of(JsonNode schema) {
    return facts(schema).branches();
  }

  /** The property every branch pins to a single value, e.g. {@code api}; empty when there is none. */
  public static Optional<String> discriminator(JsonNode schema) {
    return Optional.ofNullable(facts(schema).discriminator());
  }

  /** The one value {@code branch} allows for {@code property}, when its schema is a one-value enum. */
  public static Optional<JsonNode> pinned(JsonNode branch, String property) {
    JsonNode allowed = branch.path("properties").path(property).get("enum");
    return allowed != null && allowed.size() == 1 ? Optional.of(allowed.get(0)) : Optional.empty();
  }

  /**
   * Each branch's properties pinned to one value ({@code api=recruiter}), by property name, in the order of
   * {@link #of}.
   */
  public static List<Map<String, JsonNode>> pins(JsonNode schema) {
    return facts(schema).pins();
  }

  /**
   * The branch {@code instance} means: the one whose discriminator value it carries; without one, among the
   * branches that do not require the discriminator, the first whose properties hold every key of the instance
   * (else the first of them); with no discriminator at all, the first branch holding every key. {@code schema}
   * itself when it has no branches; null when no branch fits.
   */
  public static JsonNode choose(JsonNode schema, JsonNode instance) {
    Facts facts = facts(schema);
    List<JsonNode> branches = facts.branches();
    if (branches.isEmpty()) {
      return schema;
    }
    String discriminator = facts.discriminator();
    JsonNode fallback = null;
    if (discriminator != null) {
      JsonNode value = instance.get(discriminator);
      if (value != null) {
        return facts.byValue().get(value);
      }
    }
    for (JsonNode branch : branches) {
      if (discriminator != null && requires(branch, discriminator)) {
        continue;
      }
      if (holdsEveryKey(branch, instance)) {
        return branch;
      }
      if (fallback == null) {
        fallback = branch;
      }
    }
    // With a discriminator, its absence names the default branch; without one, an object no branch holds
    // fits none.
    return discriminator != null ? fallback : null;
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
