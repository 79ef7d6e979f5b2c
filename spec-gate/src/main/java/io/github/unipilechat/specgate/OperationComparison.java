package io.github.unipilechat.specgate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every operation of the released spec, compared with the new spec's: still there, its request body still
 * accepted, its parameters no stricter, its answers still readable. The operations come from the released
 * document itself, so the gate follows whatever the provider documents.
 */
final class OperationComparison {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode oldSpec;
  private final JsonNode newSpec;

  OperationComparison(JsonNode oldSpec, JsonNode newSpec) {
    this.oldSpec = oldSpec;
    this.newSpec = newSpec;
  }

  List<Change> compare() {
    List<Change> changes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = oldSpec.path("paths").properties().iterator(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode before = path.getValue().get(method);
        if (before == null) {
          continue;
        }
        String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        JsonNode after = newSpec.path("paths").path(path.getKey()).get(method);
        if (after == null) {
          changes.add(new Change(name, "operation removed", true));
        } else {
          compare(name, before, after, changes);
        }
      }
    }
    return changes;
  }

  private void compare(String operation, JsonNode before, JsonNode after, List<Change> out) {
    if (!before.path("security").equals(after.path("security"))) {
      out.add(new Change(operation, "security requirements changed", true));
    }
    compareParameters(operation, before.path("parameters"), after.path("parameters"), out);
    compareRequestBody(operation, before.path("requestBody"), after.path("requestBody"), out);
    compareResponses(operation, before.path("responses"), after.path("responses"), out);
  }

  private void compareParameters(String operation, JsonNode before, JsonNode after, List<Change> out) {
    SchemaComparison schemas = new SchemaComparison(oldSpec, newSpec, SchemaComparison.Side.REQUEST);
    for (JsonNode parameter : after) {
      String key = parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
      JsonNode old = find(before, parameter);
      if (old == null) {
        out.add(new Change(operation + " " + key, "added" + (parameter.path("required").asBoolean() ? " as required" : ""),
            parameter.path("required").asBoolean()));
      } else {
        if (parameter.path("required").asBoolean() && !old.path("required").asBoolean()) {
          out.add(new Change(operation + " " + key, "now required", true));
        }
        out.addAll(schemas.compare(old.path("schema"), parameter.path("schema"), operation + " " + key));
      }
    }
    for (JsonNode parameter : before) {
      if (find(after, parameter) == null) {
        out.add(new Change(operation + " " + parameter.path("in").asText() + " parameter "
            + parameter.path("name").asText(), "removed", false));
      }
    }
  }

  private static JsonNode find(JsonNode parameters, JsonNode like) {
    for (JsonNode parameter : parameters) {
      if (parameter.path("name").equals(like.path("name")) && parameter.path("in").equals(like.path("in"))) {
        return parameter;
      }
    }
    return null;
  }

  private void compareRequestBody(String operation, JsonNode before, JsonNode after, List<Change> out) {
    String where = operation + " request";
    if (after.path("required").asBoolean(false) && !before.path("required").asBoolean(false)) {
      out.add(new Change(where, "a body is now required", true));
    }
    SchemaComparison schemas = new SchemaComparison(oldSpec, newSpec, SchemaComparison.Side.REQUEST);
    for (Iterator<Map.Entry<String, JsonNode>> types = before.path("content").properties().iterator(); types.hasNext(); ) {
      Map.Entry<String, JsonNode> type = types.next();
      JsonNode now = after.path("content").get(type.getKey());
      if (now == null) {
        out.add(new Change(where, "content type " + type.getKey() + " no longer accepted", true));
      } else {
        out.addAll(schemas.compare(type.getValue().path("schema"), now.path("schema"), where));
      }
    }
    after.path("content").fieldNames().forEachRemaining(type -> {
      if (!before.path("content").has(type)) {
        out.add(new Change(where, "content type " + type + " also accepted", false));
      }
    });
  }

  /**
   * A new error status is compatible: the client maps any documented status to an exception. A success status
   * added or removed is not: the client takes only a documented success as "chat started".
   */
  private void compareResponses(String operation, JsonNode before, JsonNode after, List<Change> out) {
    for (Iterator<Map.Entry<String, JsonNode>> statuses = before.properties().iterator(); statuses.hasNext(); ) {
      Map.Entry<String, JsonNode> status = statuses.next();
      String where = operation + " response " + status.getKey();
      boolean success = status.getKey().startsWith("2");
      JsonNode now = after.get(status.getKey());
      if (now == null) {
        out.add(new Change(where, "no longer documented", success));
        continue;
      }
      SchemaComparison schemas = new SchemaComparison(oldSpec, newSpec,
          success ? SchemaComparison.Side.SUCCESS_RESPONSE : SchemaComparison.Side.ERROR_RESPONSE);
      for (Iterator<Map.Entry<String, JsonNode>> types = status.getValue().path("content").properties().iterator(); types.hasNext(); ) {
        Map.Entry<String, JsonNode> type = types.next();
        JsonNode schema = now.path("content").path(type.getKey());
        if (schema.isMissingNode()) {
          out.add(new Change(where, "no longer answered as " + type.getKey(), success));
        } else {
          out.addAll(schemas.compare(type.getValue().path("schema"), schema.path("schema"), where));
        }
      }
      now.path("content").fieldNames().forEachRemaining(type -> {
        if (!status.getValue().path("content").has(type)) {
          out.add(new Change(where, "may now be answered as " + type, success));
        }
      });
    }
    after.fieldNames().forEachRemaining(status -> {
      if (!before.has(status)) {
        out.add(new Change(operation + " response " + status, "added", status.startsWith("2")));
      }
    });
  }
}
