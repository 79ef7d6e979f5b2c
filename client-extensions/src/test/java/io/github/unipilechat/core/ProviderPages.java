package io.github.unipilechat.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.spec.SpecModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed with pages of the provider's own reference ({@code ../shared/provider-reference}, one OpenAPI document
 * per page) merged in: real operations of each kind, added to a copy of the spec as the provider would add them.
 */
final class ProviderPages {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
  /**
   * The first {@code shared/provider-reference} beside this checkout or one of its parents (CI builds copies of the
   * tree further down), else the contract kit's copies of the pages.
   */
  static final Path REFERENCE = reference();

  private static Path reference() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pages = dir.resolve("shared").resolve("provider-reference");
      if (Files.isDirectory(pages)) {
        return pages;
      }
    }
    return Path.of("..", "contract-tests", "src", "test", "resources", "provider-reference");
  }

  private ProviderPages() {}

  /** The bundled seed with the named pages' paths and components added. */
  static SpecModel seedWith(String... pages) {
    ObjectNode document = SpecModel.bundled().document().deepCopy();
    for (String page : pages) {
      JsonNode added = page(page);
      added.path("paths").properties().forEach(path -> {
        ObjectNode item = document.withObjectProperty("paths").has(path.getKey())
            ? (ObjectNode) document.withObjectProperty("paths").get(path.getKey()) : document.withObjectProperty("paths").putObject(path.getKey());
        item.setAll((ObjectNode) path.getValue());
      });
      added.path("components").properties().forEach(kind -> kind.getValue().properties().forEach(entry ->
          document.withObjectProperty("components").withObjectProperty(kind.getKey()).set(entry.getKey(), entry.getValue())));
    }
    return SpecModel.of(document);
  }

  static JsonNode page(String name) {
    try {
      Matcher m = JSON_BLOCK.matcher(Files.readString(REFERENCE.resolve(name)));
      if (!m.find()) {
        throw new IllegalStateException(name + " has no json block");
      }
      return MAPPER.readTree(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
