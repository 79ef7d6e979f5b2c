package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One immutable model of a provider OpenAPI document, read once: its operations ({@link #operations()}) and the
 * error types it documents. It names no operation: the layers above read an operation's form, request rules and
 * response schemas from it and keep what they compile with the operation ({@link Operation#derived}). The client
 * reads {@link #bundled()}; the contract kit reads the same model, of the bundled document or of a file it is given
 * ({@link #fromFile(Path)}).
 *
 * <p>Parts are built on first use and kept, so each document is parsed and compiled once per process.
 */
public final class SpecModel {
  /** Classpath location of the bundled document (the generated jar's copy of {@code openapi/}). */
  public static final String RESOURCE = "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json";

  /**
   * The largest spec file read, 32 MB (the provider's document is a few dozen KB): refused from its size, and never
   * read past whatever size the file reports.
   */
  public static final long MAX_SPEC_BYTES = 32L * 1024 * 1024;

  /** Files read by {@link #fromFile}, keyed by path, size and modification time: one parse per file per process. */
  private static final Map<String, SpecModel> FILES = new ConcurrentHashMap<>();
  /** The key of {@link #errorTypes(Operation)} among what is kept with an operation. */
  private static final Object ERROR_TYPES = new Object();

  private final JsonNode document;
  private final Lazy<Map<String, Set<Integer>>> errorTypes;
  private final Lazy<Operations> operations;
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  private SpecModel(SpecDocument checked) {
    JsonNode document = checked.root();
    this.document = document;
    this.operations = Lazy.of(() -> Operations.of(document, node -> resolve(document, node)));
    this.errorTypes = Lazy.of(() -> errorTypesOf(document));
  }

  /** The document bundled with the client, the one it was generated from. */
  public static SpecModel bundled() {
    return Bundled.MODEL;
  }

  /**
   * The model of {@code document} (a test's mutated copy, a provider's newer release), not cached. Its {@code $ref}s
   * are checked first, as {@link SpecDocument} says.
   *
   * @throws IllegalArgumentException when one of its {@code $ref}s leaves the document, points to nothing or closes a
   *     cycle
   */
  public static SpecModel of(JsonNode document) {
    return new SpecModel(SpecDocument.of(document));
  }

  /**
   * The model of a spec file, read once per process while the file is unchanged: only a regular file, never more
   * than {@link #MAX_SPEC_BYTES} read, its {@code $ref}s checked before anything is built from it (nothing it names
   * is fetched or opened).
   *
   * @throws UncheckedIOException naming the file once, with why it cannot be used; never quoting its content
   */
  public static SpecModel fromFile(Path spec) {
    try {
      String key = Files.isRegularFile(spec)
          ? spec.toAbsolutePath().normalize() + "|" + Files.size(spec) + "|" + Files.getLastModifiedTime(spec).toMillis()
          : null;
      SpecModel cached = key == null ? null : FILES.get(key);
      if (cached != null) {
        return cached;
      }
      SpecDocument document;
      try {
        document = SpecDocument.read(spec, MAX_SPEC_BYTES);
      } catch (JsonFile.TooLargeException e) {
        throw new IOException(e.getMessage() + " for a spec", e);
      }
      SpecModel model = new SpecModel(document);
      if (key != null && FILES.size() < 64) {
        FILES.putIfAbsent(key, model);
      }
      return model;
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UncheckedIOException("cannot read the spec " + spec + ": " + reason,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The whole document (shared; do not modify). */
  public JsonNode document() {
    return document;
  }

  /**
   * What a layer above builds from the whole document (swagger-request-validator's view of it), kept with this model
   * under {@code key} like {@link Operation#derived}: built once, by the first caller.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, java.util.function.Function<SpecModel, T> compute) {
    Object kept = derived.get(key);
    return (T) (kept != null ? kept : derived.computeIfAbsent(key, k -> compute.apply(this)));
  }

  /** Every operation of the document, read on first use. */
  public Operations operations() {
    return operations.get();
  }

  /**
   * The operation whose {@code operationId} is {@code id}.
   *
   * @throws IllegalArgumentException when the document has none
   */
  public Operation operation(String id) {
    return operations().byId(id).orElseThrow(() -> new IllegalArgumentException(
        "the OpenAPI document has no operation " + id));
  }

  /** Every {@code type} enum value of every error response of every operation, with the statuses it is listed under. */
  public Map<String, Set<Integer>> errorTypes() {
    return errorTypes.get();
  }

  /**
   * Each status {@code operation} documents whose answer has a {@code type} enum (the errors), with its values in
   * the spec's order; read once and kept with the operation.
   */
  public Map<Integer, List<String>> errorTypes(Operation operation) {
    return operation.derived(ERROR_TYPES, op -> {
      Map<Integer, List<String>> types = new LinkedHashMap<>();
      op.responses().forEach((key, response) -> {
        List<String> values = types(document, response);
        if (!values.isEmpty() && key.matches("[1-5][0-9][0-9]")) {
          types.put(Integer.valueOf(key), List.copyOf(values));
        }
      });
      return Collections.unmodifiableMap(types);
    });
  }

  /** Follows the {@code $ref} chain from {@code node}: {@link SpecDocument#resolve(JsonNode, JsonNode)}. */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    return SpecDocument.resolve(document, node);
  }

  /** Every {@code type} enum of every response schema of every operation, with the status it is listed under. */
  public static Map<String, Set<Integer>> errorTypesOf(JsonNode document) {
    Map<String, Set<Integer>> types = new LinkedHashMap<>();
    for (JsonNode path : iterable(document.path("paths").elements())) {
      for (JsonNode operation : iterable(path.elements())) {
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").properties().iterator();
        while (responses.hasNext()) {
          Map.Entry<String, JsonNode> response = responses.next();
          Integer status = response.getKey().matches("[0-9]{1,3}") ? Integer.valueOf(response.getKey()) : null;
          for (String type : types(document, response.getValue())) {
            Set<Integer> statuses = types.computeIfAbsent(type, k -> new TreeSet<>());
            if (status != null) {
              statuses.add(status);
            }
          }
        }
      }
    }
    types.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return Collections.unmodifiableMap(types);
  }

  /** The {@code type} enum values of one response, over all its media types. */
  private static List<String> types(JsonNode document, JsonNode response) {
    List<String> values = new ArrayList<>();
    for (JsonNode media : iterable(resolve(document, response).path("content").elements())) {
      JsonNode schema = resolve(document, media.path("schema"));
      JsonNode type = resolve(document, schema.path("properties").path("type"));
      for (JsonNode value : iterable(type.path("enum").elements())) {
        if (value.isTextual() && !values.contains(value.asText())) {
          values.add(value.asText());
        }
      }
    }
    return values;
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }

  private static SpecDocument load() {
    try (InputStream in = SpecModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the provider's OpenAPI document is missing from the classpath: " + RESOURCE);
      }
      return SpecDocument.of(JsonFile.parse(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled OpenAPI document " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Loaded on first use of {@link #bundled()}. */
  private static final class Bundled {
    static final SpecModel MODEL = new SpecModel(load());
  }
}
