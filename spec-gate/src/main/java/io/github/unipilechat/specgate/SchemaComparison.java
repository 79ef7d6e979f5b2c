package io.github.unipilechat.specgate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares one schema of the released spec with its counterpart in the new one, by content: properties by name
 * (so reordering is no change) and {@code anyOf}/{@code oneOf} branches by what they accept, not by position, which
 * is where openapi-diff goes wrong (it pairs a new LinkedIn shape with an old one and calls the pair changed).
 *
 * <p>What "breaking" means depends on who reads the schema. A request schema must still accept every request the
 * released one accepted: a removed field or enum value, a new required field, a raised minimum or a new pattern
 * break callers. A response schema must not answer what released code cannot read: a field no longer present,
 * a changed type, a new value in a success answer's enum. Error answers are read tolerantly by the client (an
 * unknown error {@code type} is kept as it came), so a new value in an error enum is reported but compatible.
 */
final class SchemaComparison {
  /** Who reads the schema, which decides the direction of compatibility. */
  enum Side { REQUEST, SUCCESS_RESPONSE, ERROR_RESPONSE }

  /** The provider's schemas nest four or five levels; this only stops a hostile or cyclic document. */
  private static final int MAX_DEPTH = 64;

  private final Refs oldRefs;
  private final Refs newRefs;
  private final Side side;

  SchemaComparison(JsonNode oldSpec, JsonNode newSpec, Side side) {
    this.oldRefs = new Refs(oldSpec);
    this.newRefs = new Refs(newSpec);
    this.side = side;
  }

  List<Change> compare(JsonNode oldSchema, JsonNode newSchema, String where) {
    List<Change> changes = new ArrayList<>();
    compare(oldRefs.resolve(oldSchema), newRefs.resolve(newSchema), where, 0, changes);
    return changes;
  }

  private void compare(JsonNode o, JsonNode n, String where, int depth, List<Change> out) {
    if (depth > MAX_DEPTH) {
      out.add(new Change(where, "nested deeper than " + MAX_DEPTH + " levels: not compared", true));
      return;
    }
    if (branches(o) != null || branches(n) != null) {
      compareBranches(o, n, where, depth, out);
      return;
    }
    compareType(o, n, where, out);
    compareEnum(o, n, where, out);
    if (side == Side.REQUEST) {
      compareRequestBounds(o, n, where, out);
    }
    compareRequired(o, n, where, out);
    compareProperties(o, n, where, depth, out);
    if (o.has("items") || n.has("items")) {
      compare(oldRefs.resolve(o.path("items")), newRefs.resolve(n.path("items")), where + "[]", depth + 1, out);
    }
  }

  /**
   * Each branch that must still be readable is matched with any branch of the other side that takes it without a
   * breaking change. Requests: every released branch must still be accepted by some new branch. Responses: every
   * new branch must be something released code could already read.
   */
  private void compareBranches(JsonNode o, JsonNode n, String where, int depth, List<Change> out) {
    List<JsonNode> oldBranches = branchesOrSelf(o, oldRefs);
    List<JsonNode> newBranches = branchesOrSelf(n, newRefs);
    boolean request = side == Side.REQUEST;
    List<JsonNode> mustBeCovered = request ? oldBranches : newBranches;
    List<JsonNode> candidates = request ? newBranches : oldBranches;
    Set<Integer> used = new LinkedHashSet<>();
    for (int k = 0; k < mustBeCovered.size(); k++) {
      JsonNode branch = mustBeCovered.get(k);
      String name = label(branch, k);
      List<Change> best = null;
      int bestIndex = candidates.indexOf(branch);
      if (bestIndex >= 0) {
        used.add(bestIndex);
        continue;
      }
      for (int i = 0; i < candidates.size(); i++) {
        JsonNode candidate = candidates.get(i);
        List<Change> changes = new ArrayList<>();
        String label = where + " (" + name + ")";
        if (request) {
          compare(branch, candidate, label, depth + 1, changes);
        } else {
          compare(candidate, branch, label, depth + 1, changes);
        }
        if (best == null || breakingCount(changes) < breakingCount(best)
            || breakingCount(changes) == breakingCount(best) && changes.size() < best.size()) {
          best = changes;
          bestIndex = i;
        }
        if (changes.isEmpty()) {
          break;
        }
      }
      if (best == null) {
        out.add(new Change(where, "branch " + name + " has no counterpart", true));
        continue;
      }
      used.add(bestIndex);
      if (breakingCount(best) > 0) {
        out.add(new Change(where, (request ? "the released branch " : "the new branch ") + name
            + (request ? " is no longer accepted as it was" : " answers what released code cannot read"), true));
      }
      out.addAll(best);
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (!used.contains(i)) {
        String name = label(candidates.get(i), i);
        out.add(new Change(where, request ? "branch " + name + " added" : "branch " + name + " no longer answered",
            false));
      }
    }
  }

  private void compareType(JsonNode o, JsonNode n, String where, List<Change> out) {
    String oldType = o.path("type").asText(null);
    String newType = n.path("type").asText(null);
    if (oldType != null && newType != null && !oldType.equals(newType)) {
      out.add(new Change(where, "type " + oldType + " became " + newType, true));
    } else if (oldType == null && newType != null) {
      out.add(new Change(where, "now restricted to type " + newType, side == Side.REQUEST));
    } else if (oldType != null && newType == null) {
      out.add(new Change(where, "no longer restricted to type " + oldType, side == Side.SUCCESS_RESPONSE));
    }
    String oldFormat = o.path("format").asText(null);
    String newFormat = n.path("format").asText(null);
    if (newFormat != null && !newFormat.equals(oldFormat) && (oldFormat != null || side == Side.REQUEST)) {
      out.add(new Change(where, "format " + oldFormat + " became " + newFormat, true));
    }
    if (o.path("nullable").asBoolean(false) && !n.path("nullable").asBoolean(false) && side == Side.REQUEST) {
      out.add(new Change(where, "no longer nullable", true));
    }
  }

  private void compareEnum(JsonNode o, JsonNode n, String where, List<Change> out) {
    Set<String> oldValues = values(o.get("enum"));
    Set<String> newValues = values(n.get("enum"));
    if (oldValues == null && newValues == null) {
      return;
    }
    if (oldValues == null) {
      out.add(new Change(where, "now restricted to " + newValues, side == Side.REQUEST));
      return;
    }
    if (newValues == null) {
      out.add(new Change(where, "no longer restricted to " + oldValues, side == Side.SUCCESS_RESPONSE));
      return;
    }
    for (String value : oldValues) {
      if (!newValues.contains(value)) {
        out.add(new Change(where, "enum value \"" + value + "\" removed", side == Side.REQUEST));
      }
    }
    for (String value : newValues) {
      if (!oldValues.contains(value)) {
        String what = "enum value \"" + value + "\" added"
            + (side == Side.ERROR_RESPONSE ? " (the client keeps an unknown error type as it came)" : "");
        out.add(new Change(where, what, side == Side.SUCCESS_RESPONSE));
      }
    }
  }

  /** Numeric and size bounds: a request schema that demands more than before refuses requests it took. */
  private static void compareRequestBounds(JsonNode o, JsonNode n, String where, List<Change> out) {
    lowerBound("minimum", o, n, where, out);
    lowerBound("minLength", o, n, where, out);
    lowerBound("minItems", o, n, where, out);
    lowerBound("minProperties", o, n, where, out);
    upperBound("maximum", o, n, where, out);
    upperBound("maxLength", o, n, where, out);
    upperBound("maxItems", o, n, where, out);
    upperBound("maxProperties", o, n, where, out);
    for (String keyword : List.of("pattern", "multipleOf", "exclusiveMinimum", "exclusiveMaximum")) {
      JsonNode before = o.get(keyword);
      JsonNode after = n.get(keyword);
      if (after != null && !after.equals(before) && !(after.isBoolean() && !after.booleanValue())) {
        out.add(new Change(where, keyword + " " + text(before) + " became " + text(after), true));
      }
    }
    if (!o.path("uniqueItems").asBoolean(false) && n.path("uniqueItems").asBoolean(false)) {
      out.add(new Change(where, "items must now be unique", true));
    }
    if (!isFalse(o.get("additionalProperties")) && isFalse(n.get("additionalProperties"))) {
      out.add(new Change(where, "fields not described are now refused (additionalProperties: false)", true));
    }
  }

  private static void lowerBound(String keyword, JsonNode o, JsonNode n, String where, List<Change> out) {
    JsonNode before = o.get(keyword);
    JsonNode after = n.get(keyword);
    if (after != null && after.isNumber() && (before == null || after.decimalValue().compareTo(before.decimalValue()) > 0)) {
      out.add(new Change(where, keyword + " raised from " + text(before) + " to " + after, true));
    } else if (before != null && (after == null || after.decimalValue().compareTo(before.decimalValue()) < 0)) {
      out.add(new Change(where, keyword + " lowered from " + before + " to " + text(after), false));
    }
  }

  private static void upperBound(String keyword, JsonNode o, JsonNode n, String where, List<Change> out) {
    JsonNode before = o.get(keyword);
    JsonNode after = n.get(keyword);
    if (after != null && after.isNumber() && (before == null || after.decimalValue().compareTo(before.decimalValue()) < 0)) {
      out.add(new Change(where, keyword + " lowered from " + text(before) + " to " + after, true));
    } else if (before != null && (after == null || after.decimalValue().compareTo(before.decimalValue()) > 0)) {
      out.add(new Change(where, keyword + " raised from " + before + " to " + text(after), false));
    }
  }

  private void compareRequired(JsonNode o, JsonNode n, String where, List<Change> out) {
    Set<String> before = values(o.get("required"));
    Set<String> after = values(n.get("required"));
    before = before == null ? Set.of() : before;
    after = after == null ? Set.of() : after;
    for (String name : after) {
      if (!before.contains(name)) {
        out.add(new Change(where, "field " + name + " is now required", side == Side.REQUEST));
      }
    }
    for (String name : before) {
      if (!after.contains(name)) {
        out.add(new Change(where, "field " + name + " is no longer required", side != Side.REQUEST));
      }
    }
  }

  private void compareProperties(JsonNode o, JsonNode n, String where, int depth, List<Change> out) {
    JsonNode before = o.path("properties");
    JsonNode after = n.path("properties");
    before.fieldNames().forEachRemaining(name -> {
      String at = where.isEmpty() ? name : where + "." + name;
      if (!after.has(name)) {
        out.add(new Change(at, "field removed", true));
      } else {
        compare(oldRefs.resolve(before.get(name)), newRefs.resolve(after.get(name)), at, depth + 1, out);
      }
    });
    after.fieldNames().forEachRemaining(name -> {
      if (!before.has(name)) {
        out.add(new Change(where.isEmpty() ? name : where + "." + name, "field added", false));
      }
    });
  }

  private static JsonNode branches(JsonNode schema) {
    JsonNode anyOf = schema.get("anyOf");
    return anyOf != null && anyOf.isArray() ? anyOf : schema.get("oneOf") != null && schema.get("oneOf").isArray()
        ? schema.get("oneOf") : null;
  }

  private static List<JsonNode> branchesOrSelf(JsonNode schema, Refs refs) {
    JsonNode list = branches(schema);
    List<JsonNode> result = new ArrayList<>();
    if (list == null) {
      result.add(schema);
    } else {
      list.forEach(branch -> result.add(refs.resolve(branch)));
    }
    return result;
  }

  /** How a branch is named in the report: its title, else the one value its {@code api} admits, else its place. */
  private static String label(JsonNode branch, int index) {
    if (branch.hasNonNull("title")) {
      return "\"" + branch.get("title").asText() + "\"";
    }
    JsonNode api = branch.path("properties").path("api").path("enum");
    if (api.size() == 1) {
      return "api=" + api.get(0).asText();
    }
    return "#" + (index + 1);
  }

  private static int breakingCount(List<Change> changes) {
    return (int) changes.stream().filter(Change::breaking).count();
  }

  private static Set<String> values(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static boolean isFalse(JsonNode node) {
    return node != null && node.isBoolean() && !node.booleanValue();
  }

  private static String text(JsonNode node) {
    return node == null ? "none" : node.toString();
  }
}
