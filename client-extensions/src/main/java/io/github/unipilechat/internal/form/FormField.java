package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One top-level field of the spec's multipart form, as the spec declares it.
 *
 * @param name the part name, exactly as in the spec
 * @param kind how its values travel on the wire
 * @param schema the property's schema ({@code $ref}s resolved at the top)
 * @param required whether the form's {@code required} lists it
 */
public record FormField(String name, Kind kind, JsonNode schema, boolean required) {
  /** How a field's values become parts. Multipart has exactly these encodings, whatever the spec adds. */
  public enum Kind {
    /** A string, number or boolean: one text part. */
    TEXT,
    /** An array of scalars: one text part per element, repeated under the same name. */
    TEXT_ARRAY,
    /** A {@code format: binary} string: one streamed file part. */
    FILE,
    /** An array of binaries: one file part per file. */
    FILE_ARRAY,
    /** An object (or an {@code anyOf} of objects): one bracket-named text part per leaf, {@code name[a][b]}. */
    OBJECT;

    public boolean isFile() {
      return this == FILE || this == FILE_ARRAY;
    }

    public boolean repeats() {
      return this == TEXT_ARRAY || this == FILE_ARRAY;
    }
  }

  public FormField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
  }

  /** The kind a property schema asks for. */
  static Kind kindOf(JsonNode schema) {
    if (isBinary(schema)) {
      return Kind.FILE;
    }
    if ("array".equals(schema.path("type").asText()) || schema.has("items")) {
      return isBinary(schema.path("items")) ? Kind.FILE_ARRAY : Kind.TEXT_ARRAY;
    }
    if ("object".equals(schema.path("type").asText()) || schema.has("properties") || schema.has("anyOf")
        || schema.has("oneOf") || schema.has("allOf")) {
      return Kind.OBJECT;
    }
    return Kind.TEXT;
  }

  static boolean isBinary(JsonNode schema) {
    return "binary".equals(schema.path("format").asText());
  }
}
