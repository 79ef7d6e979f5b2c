package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.DriftFinding.Kind;
import io.github.unipilechat.internal.spec.SpecDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the fields of an answer that its schema does not describe: at an object whose schema lists
 * {@code properties} and allows no others (no {@code additionalProperties} schema or {@code true}, no
 * {@code patternProperties}), a field none of the applicable schemas ({@code allOf}/{@code anyOf}/{@code oneOf}
 * branches included) names. Walks with a stack, not recursion: the body is the provider's input.
 */
final class UndescribedFields {
  private static final int MAX_SCHEMAS = 256;

  private record Frame(JsonNode instance, String pointer, List<JsonNode> schemas) {}

  private UndescribedFields() {}

  static void add(int status, JsonNode document, JsonNode schema, JsonNode body, UnaryOperator<String> scrub,
      int max, List<DriftFinding> out) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(body, "", List.of(schema)));
    while (!stack.isEmpty() && out.size() < max) {
      Frame frame = stack.pop();
      List<JsonNode> schemas = expand(document, frame.schemas());
      if (frame.instance().isObject()) {
        object(status, frame, schemas, scrub, out, stack);
      } else if (frame.instance().isArray()) {
        List<JsonNode> items = new ArrayList<>();
        schemas.forEach(s -> addIfObject(items, s.get("items")));
        for (int i = 0; i < frame.instance().size() && !items.isEmpty(); i++) {
          if (frame.instance().get(i).isContainerNode()) {
            stack.push(new Frame(frame.instance().get(i), frame.pointer() + "/" + i, items));
          }
        }
      }
    }
  }

  private static void object(int status, Frame frame, List<JsonNode> schemas, UnaryOperator<String> scrub,
      List<DriftFinding> out, Deque<Frame> stack) {
    Set<String> described = new LinkedHashSet<>();
    boolean declares = false;
    boolean open = false;
    for (JsonNode s : schemas) {
      if (s.has("properties")) {
        declares = true;
        s.get("properties").fieldNames().forEachRemaining(described::add);
      }
      JsonNode additional = s.get("additionalProperties");
      open |= additional != null && !(additional.isBoolean() && !additional.asBoolean());
      open |= s.has("patternProperties");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = frame.instance().properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (declares && !open && !described.contains(field.getKey())) {
        out.add(new DriftFinding(status, Kind.NOT_DESCRIBED,
            Shown.pointer(frame.pointer() + Shown.segment(field.getKey()), scrub),
            "no such field (it describes " + String.join(", ", described) + ")", Shown.type(field.getValue())));
        continue;
      }
      if (!field.getValue().isContainerNode()) {
        // A string, number, boolean or null has no fields of its own: nothing further to walk.
        continue;
      }
      String pointer = frame.pointer() + Shown.segment(field.getKey());
      List<JsonNode> children = new ArrayList<>();
      for (JsonNode s : schemas) {
        addIfObject(children, s.path("properties").get(field.getKey()));
        addIfObject(children, s.get("additionalProperties"));
      }
      if (!children.isEmpty()) {
        stack.push(new Frame(field.getValue(), pointer, children));
      }
    }
  }

  /** The schemas that apply at one place: each one, its $ref target, and its allOf/anyOf/oneOf branches. */
  private static List<JsonNode> expand(JsonNode document, List<JsonNode> schemas) {
    List<JsonNode> out = new ArrayList<>();
    Deque<JsonNode> todo = new ArrayDeque<>(schemas);
    while (!todo.isEmpty() && out.size() < MAX_SCHEMAS) {
      JsonNode s = SpecDocument.resolve(document, todo.pop());
      out.add(s);
      s.path("allOf").forEach(todo::add);
      s.path("anyOf").forEach(todo::add);
      s.path("oneOf").forEach(todo::add);
    }
    return out;
  }

  private static void addIfObject(List<JsonNode> schemas, JsonNode schema) {
    if (schema != null && schema.isObject()) {
      schemas.add(schema);
    }
  }
}
