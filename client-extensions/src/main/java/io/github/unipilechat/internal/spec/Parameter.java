package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of an operation, as the spec declares it (path-level and operation-level lists merged, the
 * operation's own winning).
 *
 * @param name the name, exactly as in the spec (the path template's {@code {name}}, the query key, the header)
 * @param in where it travels
 * @param required whether it must be given (a path parameter always must)
 * @param schema its schema, {@code $ref}s resolved at the top (a missing schema reads as an empty object)
 * @param description the spec's words for it, or empty
 */
public record Parameter(String name, In in, boolean required, JsonNode schema, String description) {
  /** Where a parameter travels; OpenAPI 3.0 has exactly these four. */
  public enum In {
    PATH, QUERY, HEADER, COOKIE;

    /** The spec's word ({@code path}, {@code query}, ...), or null for anything else. */
    static In of(String word) {
      for (In in : values()) {
        if (in.name().toLowerCase(Locale.ROOT).equals(word)) {
          return in;
        }
      }
      return null;
    }

    /** The spec's word for it. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(schema, "schema");
    description = description == null ? "" : description;
  }

  /** Whether the schema asks for several values ({@code type: array}): one query key per value. */
  public boolean repeats() {
    return "array".equals(schema.path("type").asText()) || schema.has("items");
  }
}
