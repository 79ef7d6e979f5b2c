package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas the spec gives for a key path inside an object field, for reading one bracket-named value
 * ({@code linkedin[follow_up][scheduled_time][days]}) as the type the spec asks for. Every {@code anyOf},
 * {@code oneOf} and {@code allOf} alternative is looked through, since which branch the object takes is only known
 * once it is whole; the first type any of them declares is the one read.
 */
public final class SchemaPaths {
  /** Alternatives are followed this deep: the spec nests two; the bound only stops a cyclic document. */
  private static final int MAX_NESTING = 8;

  private SchemaPaths() {}

  /** The schemas of property {@code key} in any alternative of {@code schemas}; empty when none describes it. */
  public static List<JsonNode> child(FormSchema form, List<JsonNode> schemas, String key) {
    List<JsonNode> children = new ArrayList<>();
    for (JsonNode schema : alternatives(form, schemas)) {
      JsonNode property = schema.path("properties").get(key);
      if (property != null) {
        children.add(form.resolve(property));
      }
    }
    return children;
  }

  /** The item schemas of every array alternative of {@code schemas}. */
  public static List<JsonNode> items(FormSchema form, List<JsonNode> schemas) {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode schema : alternatives(form, schemas)) {
      if (schema.has("items")) {
        items.add(form.resolve(schema.get("items")));
      }
    }
    return items;
  }

  /** Whether an alternative of {@code schemas} is an array. */
  public static boolean isArray(FormSchema form, List<JsonNode> schemas) {
    return alternatives(form, schemas).stream()
        .anyMatch(s -> "array".equals(s.path("type").asText()) || s.has("items"));
  }

  /** The first {@code type} an alternative of {@code schemas} declares; {@code string} when none does. */
  public static String type(FormSchema form, List<JsonNode> schemas) {
    for (JsonNode schema : alternatives(form, schemas)) {
      String type = schema.path("type").asText("");
      if (!type.isEmpty()) {
        return type;
      }
    }
    return "string";
  }

  private static List<JsonNode> alternatives(FormSchema form, List<JsonNode> schemas) {
    List<JsonNode> all = new ArrayList<>();
    schemas.forEach(schema -> collect(form, form.resolve(schema), all, 0));
    return all;
  }

  private static void collect(FormSchema form, JsonNode schema, List<JsonNode> all, int depth) {
    all.add(schema);
    if (depth >= MAX_NESTING) {
      return;
    }
    for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
      schema.path(keyword).forEach(branch -> collect(form, form.resolve(branch), all, depth + 1));
    }
  }
}
