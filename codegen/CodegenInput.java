import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The generator's copy of the provider's document: the document itself, less the schema titles that would make
 * openapi-generator write code that does not compile. Run by client-generated's build (generate-sources, before the
 * generator) and by the tests that regenerate the client, as {@code java CodegenInput.java IN.json OUT.json [STALE]}.
 * Only the generator reads OUT; the jar bundles, and the client checks against, the provider's bytes. When OUT
 * changes, the folder STALE (the previous generation's output) is removed: the generator writes files but never
 * deletes one, so classes of a document built before ({@code -Dunipile.spec=...}) would otherwise stay in the jar.
 *
 * <p>The one fix-up: schema titles that are equal but for case ({@code LINKEDIN} on a request body, {@code LinkedIn}
 * on a profile) name two classes whose files collide on a case-insensitive file system; the generator then writes
 * {@code class LinkedIn} into {@code LinkedIn0.java} (openapi-generator issue 12608), which does not compile. Every
 * schema titled in such a group loses its title, so the generator names it by its place instead (operation and
 * property, e.g. {@code UsersControllerHandleInvitationRequest}): a name that does not depend on the order of the
 * document. Titles that collide exactly are left to the generator, which reuses or numbers them and compiles.
 */
public final class CodegenInput {
  /** The provider's reference is under 1 MiB merged; a document past this is refused. */
  private static final int MAX_BYTES = 32 * 1024 * 1024;
  /** Members whose values are data, not schemas: a {@code title} inside them is an example's field. */
  private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");

  private CodegenInput() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3) {
      throw new IllegalArgumentException("usage: java CodegenInput.java IN.json OUT.json [STALE_DIR]");
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    JsonNode document = new ObjectMapper().readTree(read(in));
    for (String line : fix(document)) {
      System.out.println("[codegen-input] " + line);
    }
    byte[] bytes = new ObjectMapper().writeValueAsBytes(document);
    if (Files.isRegularFile(out) && Arrays.equals(Files.readAllBytes(out), bytes)) {
      return;
    }
    if (args.length == 3) {
      delete(Path.of(args[2]));
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(out, bytes);
  }

  /** Removes a folder and what it holds; a symbolic link is removed, never followed. */
  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Removes the titles that differ from another title by case only; returns what was done, one line a group. */
  static List<String> fix(JsonNode document) {
    Map<String, List<ObjectNode>> byLowerCase = new TreeMap<>();
    for (String section : List.of("paths", "components")) {
      collect(document.path(section), false, byLowerCase);
    }
    List<String> done = new ArrayList<>();
    for (List<ObjectNode> schemas : byLowerCase.values()) {
      Set<String> spellings = new TreeSet<>();
      schemas.forEach(schema -> spellings.add(schema.get("title").asText()));
      if (spellings.size() > 1) {
        schemas.forEach(schema -> schema.remove("title"));
        done.add("titles " + String.join(", ", spellings) + " differ only in case (" + schemas.size()
            + " schemas): named by their place instead");
      }
    }
    return done;
  }

  /** Every schema with a title, by its title in lower case; {@code names} when node's members are property names. */
  private static void collect(JsonNode node, boolean names, Map<String, List<ObjectNode>> byLowerCase) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, false, byLowerCase));
    } else if (node.isObject()) {
      if (!names && node.path("title").isTextual()) {
        byLowerCase.computeIfAbsent(node.get("title").asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add((ObjectNode) node);
      }
      node.properties().forEach(member -> {
        String key = member.getKey();
        if (names || !(DATA.contains(key) || key.startsWith("x-"))) {
          collect(member.getValue(), !names && key.equals("properties"), byLowerCase);
        }
      });
    }
  }

  private static byte[] read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("not a regular file: " + file);
    }
    try (InputStream bytes = Files.newInputStream(file)) {
      byte[] content = bytes.readNBytes(MAX_BYTES + 1);
      if (content.length > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      return content;
    }
  }
}
