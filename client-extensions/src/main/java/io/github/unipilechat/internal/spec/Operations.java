package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every operation of a document, in its order, and the one way a request's method and path find theirs: by path
 * template, the most literal template first ({@code /users/me} before {@code /users/{identifier}}).
 */
public final class Operations {
  private final List<Operation> all;
  private final Map<String, Operation> byId;
  private final List<PathItem> byLiteralness;

  private record PathItem(PathTemplate template, Map<String, Operation> byMethod) {}

  private Operations(List<Operation> all, List<PathItem> items) {
    this.all = List.copyOf(all);
    Map<String, Operation> ids = new LinkedHashMap<>();
    all.forEach(operation -> ids.putIfAbsent(operation.id(), operation));
    this.byId = Collections.unmodifiableMap(ids);
    List<PathItem> sorted = new ArrayList<>(items);
    // Stable: among equally literal templates the document's order decides.
    sorted.sort((a, b) -> Integer.compare(b.template().literalSegments(), a.template().literalSegments()));
    this.byLiteralness = List.copyOf(sorted);
  }

  /**
   * The operations of {@code document}, each node read through {@code resolve} (the document's one {@code $ref}
   * resolver).
   */
  static Operations of(JsonNode document, UnaryOperator<JsonNode> resolve) {
    List<Operation> all = new ArrayList<>();
    List<PathItem> items = new ArrayList<>();
    document.path("paths").properties().forEach(entry -> {
      String path = entry.getKey();
      JsonNode item = resolve.apply(entry.getValue());
      PathTemplate template = PathTemplate.of(path);
      Map<String, Operation> byMethod = new LinkedHashMap<>();
      List<Parameter> shared = parameters(item.path("parameters"), resolve);
      item.properties().forEach(field -> {
        String method = field.getKey().toLowerCase(Locale.ROOT);
        if (!Operation.METHODS.contains(method) || !field.getValue().isObject()) {
          return;
        }
        JsonNode node = field.getValue();
        String pointer = "/paths/" + escape(path) + "/" + field.getKey();
        String id = node.path("operationId").isTextual() ? node.get("operationId").asText()
            : method.toUpperCase(Locale.ROOT) + " " + path;
        Operation operation = new Operation(id, method.toUpperCase(Locale.ROOT), template, pointer, node,
            merge(shared, parameters(node.path("parameters"), resolve)), bodies(node.path("requestBody"), resolve),
            responses(node.path("responses"), resolve));
        byMethod.put(operation.method(), operation);
        all.add(operation);
      });
      items.add(new PathItem(template, Collections.unmodifiableMap(byMethod)));
    });
    return new Operations(all, items);
  }

  /** Every operation, in the document's order. */
  public List<Operation> all() {
    return all;
  }

  /** The operation whose {@code operationId} is {@code id}. */
  public Optional<Operation> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The operation {@code method} and {@code path} (a request's raw path, no query) reach.
   *
   * @return found (with the path's parameters), the path's methods when only the method differs, or not found
   */
  public OperationMatch match(String method, String path) {
    String wanted = method.toUpperCase(Locale.ROOT);
    List<String> allowed = null;
    for (PathItem item : byLiteralness) {
      Map<String, String> values = item.template().match(path);
      if (values == null) {
        continue;
      }
      Operation operation = item.byMethod().get(wanted);
      if (operation != null) {
        return new OperationMatch.Found(operation, values);
      }
      if (allowed == null) {
        allowed = new ArrayList<>();
      }
      for (String m : item.byMethod().keySet()) {
        if (!allowed.contains(m)) {
          allowed.add(m);
        }
      }
    }
    return allowed == null ? new OperationMatch.NotFound() : new OperationMatch.MethodNotAllowed(List.copyOf(allowed));
  }

  private static List<Parameter> parameters(JsonNode list, UnaryOperator<JsonNode> resolve) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode raw : list) {
      JsonNode node = resolve.apply(raw);
      Parameter.In in = Parameter.In.of(node.path("in").asText());
      if (in == null || !node.path("name").isTextual()) {
        continue; // not a parameter OpenAPI 3.0 knows: nothing can be sent or checked for it
      }
      JsonNode schema = resolve.apply(node.path("schema"));
      parameters.add(new Parameter(node.get("name").asText(), in, in == Parameter.In.PATH || node.path("required").asBoolean(),
          schema.isObject() ? schema : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
          node.path("description").asText("")));
    }
    return parameters;
  }

  /** The operation's own parameters override the path's of the same name and place. */
  private static List<Parameter> merge(List<Parameter> shared, List<Parameter> own) {
    List<Parameter> merged = new ArrayList<>();
    for (Parameter p : shared) {
      if (own.stream().noneMatch(o -> o.name().equals(p.name()) && o.in() == p.in())) {
        merged.add(p);
      }
    }
    merged.addAll(own);
    return merged;
  }

  private static List<Operation.Body> bodies(JsonNode requestBody, UnaryOperator<JsonNode> resolve) {
    JsonNode body = resolve.apply(requestBody);
    List<Operation.Body> bodies = new ArrayList<>();
    body.path("content").properties().forEach(media -> bodies.add(new Operation.Body(media.getKey(),
        resolve.apply(media.getValue().path("schema")), body.path("required").asBoolean())));
    return bodies;
  }

  private static Map<String, JsonNode> responses(JsonNode responses, UnaryOperator<JsonNode> resolve) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    responses.properties().forEach(response -> byKey.put(response.getKey(), resolve.apply(response.getValue())));
    return byKey;
  }

  /** A JSON pointer token: {@code ~} and {@code /} escaped (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
