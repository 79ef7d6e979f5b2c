package io.github.unipilechat.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Every {@code $ref} of a document must point inside it ({@code #/components/...}): a parser handed the document then
 * has nothing to fetch, no file to open and no URL to call, whatever its options.
 */
final class LocalRefs {
  private LocalRefs() {}

  /**
   * Walks the whole document (iteratively: a deep one cannot overflow the stack).
   *
   * @throws IllegalArgumentException naming the first {@code $ref} that leaves the document
   */
  static void require(JsonNode document) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(document);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (field.getKey().equals("$ref") && field.getValue().isTextual() && !field.getValue().asText().startsWith("#")) {
            throw new IllegalArgumentException("the spec's $ref " + OpenApiLayer.shown(field.getValue().asText())
                + " points outside the document; only local references (#/...) are read");
          }
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
  }
}
