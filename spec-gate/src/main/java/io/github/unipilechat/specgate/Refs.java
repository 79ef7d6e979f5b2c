package io.github.unipilechat.specgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Follows a schema's local {@code $ref} ({@code #/components/schemas/...}) within its own document. */
final class Refs {
  /** A chain of references longer than this is a cycle or a hostile document. */
  private static final int MAX_HOPS = 32;

  private final JsonNode document;

  Refs(JsonNode document) {
    this.document = document;
  }

  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema == null ? MissingNode.getInstance() : schema;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (hops == MAX_HOPS || !ref.startsWith("#")) {
        throw new IllegalArgumentException("cannot follow $ref " + ref + " (only local references, "
            + MAX_HOPS + " hops at most)");
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }
}
