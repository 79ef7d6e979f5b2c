package io.github.unipilechat.specgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same document with every list backwards: the members of every object (properties, paths, responses, media
 * types, components...) and the lists whose order means nothing ({@code anyOf}, {@code oneOf}, {@code allOf},
 * {@code required}, {@code enum}, {@code parameters}) in reverse order.
 *
 * <p>A build that passes on both the provider's document and this copy reads the document by name, never by
 * position: a provider reordering its document tomorrow is not a change. Lists whose order does mean something are
 * kept ({@code servers}: the first is the default; examples: a value, not a schema).
 */
public final class SpecReverse {
  /** Lists that the OpenAPI and JSON Schema specifications define as unordered. */
  static final Set<String> UNORDERED_LISTS = Set.of("anyOf", "oneOf", "allOf", "required", "enum", "parameters");

  /** A document nested deeper than this is refused rather than risk the stack (Jackson's own limit is 1000). */
  private static final int MAX_DEPTH = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecReverse() {}

  /**
   * A copy of {@code document} with every object's members and every unordered list reversed.
   *
   * @param document an OpenAPI document
   * @return the reversed copy ({@code document} is not changed)
   */
  public static JsonNode reverse(JsonNode document) {
    return reverse(document, false, 0);
  }

  /**
   * Arguments: the document to read and the file to write the reversed copy to.
   *
   * @param args {@code IN.json OUT.json}
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecReverse IN.json OUT.json");
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    SpecMerge.write(reverse(JSON.readTree(SpecMerge.read(in))), out);
    System.out.println("[spec-reverse] every object and unordered list of " + in.getFileName() + " reversed: " + out);
  }

  private static JsonNode reverse(JsonNode node, boolean unorderedList, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("[spec-reverse] document nested deeper than " + MAX_DEPTH);
    }
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (int i = members.size() - 1; i >= 0; i--) {
        Map.Entry<String, JsonNode> member = members.get(i);
        copy.set(member.getKey(),
            reverse(member.getValue(), UNORDERED_LISTS.contains(member.getKey()), depth + 1));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = reverse(node.get(i), false, depth + 1);
        if (unorderedList) {
          copy.insert(0, element);
        } else {
          copy.add(element);
        }
      }
      return copy;
    }
    return node.deepCopy();
  }
}
