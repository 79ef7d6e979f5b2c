package io.github.unipilechat.specgate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the provider's reference, one OpenAPI document per page, into the seed's document: every path item's
 * operations, every component and every tag, so that the whole reference can be built and tested as one spec.
 *
 * <p>Nothing is picked silently: the same name defined twice must be defined identically, or the merge fails
 * naming both sources. Key order is kept as read (pages in file-name order after the seed), so the merged document
 * is the same bytes on every run. Only regular files are read (no symbolic link followed), each of a bounded size,
 * and nothing is fetched.
 */
public final class SpecMerge {
  /** A page or seed larger than this is refused: the provider's largest page is about 130 KB. */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
  /** More pages than this in one folder is not a reference but a mistake (the provider has a few hundred). */
  static final int MAX_PAGES = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The page's document: the body of its one fenced {@code json} block. */
  private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL);
  private static final String PATHS = "paths";
  private static final String COMPONENTS = "components";
  private static final String TAGS = "tags";

  private final ObjectNode merged;
  /** Where each merged definition came from, by its location in the merged document, to name both in a conflict. */
  private final Map<String, String> origins = new HashMap<>();

  private SpecMerge(ObjectNode seed, String seedName) {
    this.merged = seed.deepCopy();
    merged.properties().forEach(member -> record("/" + escape(member.getKey()), member.getValue(), seedName,
        switch (member.getKey()) {
          case PATHS -> 2;
          case COMPONENTS -> 2;
          default -> 0;
        }));
    for (JsonNode tag : merged.path(TAGS)) {
      origins.put(tagKey(tag), seedName);
    }
  }

  /**
   * The seed's document with every page's paths, components and tags added.
   *
   * @param seed the seed's document (a JSON OpenAPI document)
   * @param pages the folder of pages ({@code *.md}, each embedding one JSON document in a {@code json} block)
   * @return the merged document
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if a file is not a regular file, too large, not a document, or defines a name
   *     that an earlier source defines differently
   */
  public static ObjectNode merge(Path seed, Path pages) throws IOException {
    String seedName = seed.getFileName().toString();
    SpecMerge merge = new SpecMerge(parse(read(seed), seedName), seedName);
    for (Path page : pages(pages)) {
      String name = page.getFileName().toString();
      merge.add(parse(document(page), name), name);
    }
    return merge.merged;
  }

  /**
   * Arguments: the seed's document, the folder of pages, and the file to write the merged document to.
   *
   * @param args {@code SEED.json PAGES_DIR OUT.json}
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: SpecMerge SEED.json PAGES_DIR OUT.json");
    }
    ObjectNode merged = merge(Path.of(args[0]), Path.of(args[1]));
    Path out = Path.of(args[2]);
    write(merged, out);
    System.out.println("[spec-merge] " + merged.path(PATHS).size() + " paths, "
        + operations(merged) + " operations: " + out);
  }

  static void write(JsonNode document, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n");
  }

  private static int operations(JsonNode document) {
    int count = 0;
    for (JsonNode item : document.path(PATHS)) {
      for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
        count += item.has(method) ? 1 : 0;
      }
    }
    return count;
  }

  private void add(ObjectNode page, String name) {
    for (Map.Entry<String, JsonNode> member : page.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      switch (key) {
        case PATHS -> mergeChildren(merged, PATHS, object(value, PATHS, name), name, "");
        case COMPONENTS -> object(value, COMPONENTS, name).properties().forEach(section -> mergeChildren(
            objectAt(merged, COMPONENTS), section.getKey(), object(section.getValue(), section.getKey(), name), name,
            "/" + COMPONENTS));
        case TAGS -> mergeTags(value, name);
        default -> put(merged, key, value, name, "");
      }
    }
  }

  /** Each child of {@code from} (a path, a component) added to {@code into.key}, or merged with the one there. */
  private void mergeChildren(ObjectNode into, String key, ObjectNode from, String name, String base) {
    ObjectNode target = objectAt(into, key);
    String parent = base + "/" + escape(key);
    for (Map.Entry<String, JsonNode> child : from.properties()) {
      String location = parent + "/" + escape(child.getKey());
      JsonNode existing = target.get(child.getKey());
      if (existing == null) {
        target.set(child.getKey(), child.getValue().deepCopy());
        record(location, child.getValue(), name, PATHS.equals(key) ? 1 : 0);
      } else if (PATHS.equals(key)) {
        // Two pages may document two methods of one path (GET and POST /api/v1/chats): merge operation by operation.
        ObjectNode item = object(existing, location, origins.get(location));
        object(child.getValue(), location, name).properties()
            .forEach(member -> put(item, member.getKey(), member.getValue(), name, location));
      } else {
        put(target, child.getKey(), child.getValue(), name, parent);
      }
    }
  }

  private void mergeTags(JsonNode tags, String name) {
    if (!tags.isArray()) {
      throw new IllegalArgumentException(name + ": tags is not a list");
    }
    ArrayNode target = merged.has(TAGS) ? (ArrayNode) merged.get(TAGS) : merged.putArray(TAGS);
    for (JsonNode tag : tags) {
      String key = tagKey(tag);
      JsonNode existing = null;
      for (JsonNode known : target) {
        existing = tagKey(known).equals(key) ? known : existing;
      }
      if (existing == null) {
        target.add(tag.deepCopy());
        origins.put(key, name);
      } else if (!existing.equals(tag)) {
        throw conflict(key, origins.get(key), name);
      }
    }
  }

  /** Sets {@code into.key} unless it is already there: then it must be equal. */
  private void put(ObjectNode into, String key, JsonNode value, String name, String base) {
    String location = base + "/" + escape(key);
    JsonNode existing = into.get(key);
    if (existing == null) {
      into.set(key, value.deepCopy());
      origins.put(location, name);
    } else if (!existing.equals(value)) {
      throw conflict(location, origins.getOrDefault(location, origins.get(base)), name);
    }
  }

  /** Remembers who defined {@code node}, and its members {@code depth} levels down. */
  private void record(String location, JsonNode node, String name, int depth) {
    origins.put(location, name);
    if (depth > 0) {
      node.properties().forEach(
          member -> record(location + "/" + escape(member.getKey()), member.getValue(), name, depth - 1));
    }
  }

  private static IllegalArgumentException conflict(String location, String first, String second) {
    return new IllegalArgumentException("[spec-merge] " + location + " is defined differently by " + first + " and by "
        + second + ": merge refused (fix one source, or keep them apart)");
  }

  private static String tagKey(JsonNode tag) {
    return "/" + TAGS + "/" + escape(tag.path("name").asText());
  }

  /** JSON Pointer escaping, so a location reads like the pointer a person would use. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static ObjectNode objectAt(ObjectNode parent, String key) {
    JsonNode child = parent.get(key);
    if (child == null) {
      return parent.putObject(key);
    }
    return object(child, key, "the merged document");
  }

  private static ObjectNode parse(String text, String source) {
    try {
      return object(JSON.readTree(text), "the document", source);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("[spec-merge] " + source + ": not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode object(JsonNode node, String what, String source) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("[spec-merge] " + source + ": " + what + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The pages of a folder, in file-name order: regular {@code *.md} files other than the folder's README. */
  static List<Path> pages(Path folder) throws IOException {
    List<Path> pages = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.md")) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().equalsIgnoreCase("README.md")) {
          continue;
        }
        if (pages.size() == MAX_PAGES) {
          throw new IllegalArgumentException("[spec-merge] more than " + MAX_PAGES + " pages in " + folder);
        }
        pages.add(entry);
      }
    }
    pages.sort(null);
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("[spec-merge] no page (*.md) in " + folder);
    }
    return pages;
  }

  /** The one {@code json} block of a page. */
  static String document(Path page) throws IOException {
    Matcher block = JSON_BLOCK.matcher(read(page));
    if (!block.find()) {
      throw new IllegalArgumentException("[spec-merge] " + page.getFileName() + ": no ```json block");
    }
    String document = block.group(1);
    if (block.find()) {
      throw new IllegalArgumentException("[spec-merge] " + page.getFileName()
          + ": more than one ```json block (one page, one document)");
    }
    return document;
  }

  /** A regular file's text, refused past {@link #MAX_FILE_BYTES} (a symbolic link is not followed). */
  static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("[spec-merge] not a regular file: " + file.getFileName());
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("[spec-merge] " + file.getFileName() + " is larger than "
            + MAX_FILE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
