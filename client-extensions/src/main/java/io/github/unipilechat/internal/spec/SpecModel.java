package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.internal.Lazy;
import io.github.unipilechat.internal.form.FormSchema;
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
 * One immutable model of a provider OpenAPI document, read once: the start-chat form ({@link #form()}), the request
 * rules on the project's one schema engine ({@link #requestCheck()}), the documented statuses, the error types and
 * the response schemas ({@link #responses()}). The client reads {@link #bundled()}; the contract kit reads the same
 * model, of the bundled document or of a file it is given ({@link #fromFile(Path)}).
 *
 * <p>Compiled parts are built on first use and kept, so each document is parsed and compiled once per process.
 */
public final class SpecModel {
  /** Classpath location of the bundled document (the generated jar's copy of {@code openapi/}). */
  public static final String RESOURCE = "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json";

  /** The path of the start-chat operation, as the spec and the generated interface write it. */
  public static final String PATH = "/api/v1/chats";

  /**
   * The largest spec file read, 32 MB (the provider's document is a few dozen KB): refused from its size, and never
   * read past whatever size the file reports.
   */
  public static final long MAX_SPEC_BYTES = 32L * 1024 * 1024;

  private static final String OPERATION = "/paths/" + PATH.replace("~", "~0").replace("/", "~1") + "/post";
  private static final String REQUEST_SCHEMA = OPERATION + "/requestBody/content/multipart~1form-data/schema";
  /** Files read by {@link #fromFile}, keyed by path, size and modification time: one parse per file per process. */
  private static final Map<String, SpecModel> FILES = new ConcurrentHashMap<>();

  private final JsonNode document;
  private final Lazy<FormSchema> form;
  private final List<String> statusKeys;
  private final Set<Integer> statuses;
  private final Map<String, Set<Integer>> errorTypes;
  private final Map<Integer, List<String>> operationErrorTypes;
  private final Lazy<RequestCheck> requestCheck;
  private final Lazy<ResponseSpec> responses;
  private final Lazy<Operations> operations;

  private SpecModel(SpecDocument checked) {
    JsonNode document = checked.root();
    this.document = document;
    this.form = Lazy.of(() -> FormSchema.of(document));
    this.requestCheck = Lazy.of(() -> new RequestCheck(form.get()));
    this.responses = Lazy.of(() -> ResponseSpec.of(document));
    this.operations = Lazy.of(() -> Operations.of(document, node -> resolve(document, node)));
    List<String> keys = new ArrayList<>();
    document.at(OPERATION).path("responses").fieldNames().forEachRemaining(keys::add);
    this.statusKeys = List.copyOf(keys);
    this.statuses = statusesOf(document);
    this.errorTypes = errorTypesOf(document);
    this.operationErrorTypes = operationErrorTypesOf(document);
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

  /**
   * The fields of {@code operation}'s first request body (multipart form fields, or a JSON object's properties),
   * read once per operation.
   *
   * @throws IllegalArgumentException when the operation takes no body
   */
  public FormSchema form(Operation operation) {
    return operation.derived(FormSchema.class, op -> FormSchema.of(document, op.body()
        .orElseThrow(() -> new IllegalArgumentException(op + " takes no request body")).schema()));
  }

  /** The request rules of {@code operation}'s body, compiled on first use and kept with the operation. */
  public RequestCheck requestCheck(Operation operation) {
    return operation.derived(RequestCheck.class, op -> new RequestCheck(form(op),
        op.body().map(Operation.Body::isMultipart).orElse(false)));
  }

  /** The path of the start-chat operation ({@value #PATH}). */
  public String path() {
    return PATH;
  }

  /** The start-chat form: its fields, their kinds and schemas, in the spec's order. */
  public FormSchema form() {
    return form.get();
  }

  /** The multipart request schema of the operation as written (shared; do not modify). */
  public JsonNode requestSchema() {
    return requestSchemaOf(document);
  }

  /** The request rules of this document, compiled on first use on the project's one schema engine. */
  public RequestCheck requestCheck() {
    return requestCheck.get();
  }

  /** The documented answers and their compiled schemas, built on first use. */
  public ResponseSpec responses() {
    return responses.get();
  }

  /** The response keys of the operation as written ({@code 201}, {@code 400}, maybe {@code 4XX} or {@code default}). */
  public List<String> statusKeys() {
    return statusKeys;
  }

  /** The numeric statuses the operation documents, sorted. */
  public Set<Integer> statuses() {
    return statuses;
  }

  /** Whether the operation documents {@code status} as an answer (by its own key). */
  public boolean documentsStatus(int status) {
    return statuses.contains(status);
  }

  /** Every {@code type} enum value of every error response of every operation, with the statuses it is listed under. */
  public Map<String, Set<Integer>> errorTypes() {
    return errorTypes;
  }

  /** Each documented status of the start-chat operation with the {@code type} values its schema allows, in order. */
  public Map<Integer, List<String>> operationErrorTypes() {
    return operationErrorTypes;
  }

  /**
   * The multipart request schema of {@code POST /api/v1/chats} in {@code document} (shared, not copied).
   *
   * @throws IllegalArgumentException when there is none
   */
  public static JsonNode requestSchemaOf(JsonNode document) {
    JsonNode schema = document.at(REQUEST_SCHEMA);
    if (!schema.isObject()) {
      throw new IllegalArgumentException("the OpenAPI document has no multipart/form-data body for POST " + PATH);
    }
    return schema;
  }

  /** The numeric response statuses the start-chat operation of {@code document} lists. */
  public static Set<Integer> statusesOf(JsonNode document) {
    Set<Integer> statuses = new TreeSet<>();
    document.at(OPERATION).path("responses").fieldNames().forEachRemaining(key -> {
      if (key.matches("[1-5][0-9][0-9]")) {
        statuses.add(Integer.valueOf(key));
      }
    });
    return Collections.unmodifiableSet(statuses);
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

  private static Map<Integer, List<String>> operationErrorTypesOf(JsonNode document) {
    Map<Integer, List<String>> types = new LinkedHashMap<>();
    document.at(OPERATION).path("responses").properties().forEach(response -> {
      List<String> values = types(document, response.getValue());
      if (!values.isEmpty() && response.getKey().matches("[1-5][0-9][0-9]")) {
        types.put(Integer.valueOf(response.getKey()), List.copyOf(values));
      }
    });
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
