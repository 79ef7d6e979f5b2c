package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Follows local {@code $ref}s ({@code #/...}) within one document, a bounded number of hops. */
final class Refs {
  private static final int MAX_HOPS = 16;

  private Refs() {}

  static JsonNode resolve(JsonNode document, JsonNode node) {
    for (int hop = 0; hop < MAX_HOPS && node.has("$ref"); hop++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return node;
      }
      node = document.at(ref.substring(1));
    }
    return node;
  }
}
