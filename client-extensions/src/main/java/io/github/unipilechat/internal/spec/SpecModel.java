package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.internal.Lazy;
import io.github.unipilechat.internal.form.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /** The largest spec file read, 32 MB (the provider's document is a few hundred KB); refused from its size. */
  public static final long MAX_SPEC_BYTES = 32L * 1024 * 1024;

  private static final String OPERATION = "/paths/" + PATH.replace("~", "~0").replace("/", "~1") + "/post";
  private static final String REQUEST_SCHEMA = OPERATION + "/requestBody/content/multipart~1form-data/schema";
  private static final ObjectMapper MAPPER = new ObjectMapper();
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

  private SpecModel(JsonNode document) {
    this.document = Objects.requireNonNull(document, "document");
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
   * The model of {@code document} (a test's mutated copy, a provider's newer release), not cached.
   *
   */
  public static SpecModel of(JsonNode document) {
    return new SpecModel(document);
  }

  /**
   * The model of a spec file, read once per process while the file is unchanged. Files over
   * {@link #MAX_SPEC_BYTES} are refused from their size.
   *
   * @throws UncheckedIOException naming the file once, with why it cannot be used
   */
  public static SpecModel fromFile(Path spec) {
    try {
      long size = Files.size(spec);
      if (size > MAX_SPEC_BYTES) {
        throw new IOException(size + " bytes, over the " + MAX_SPEC_BYTES + "-byte limit for a spec");
      }
      String key = spec.toAbsolutePath().normalize() + "|" + size + "|" + Files.getLastModifiedTime(spec).toMillis();
      SpecModel cached = FILES.get(key);
      if (cached != null) {
        return cached;
      }
      JsonNode document = MAPPER.readTree(Files.readAllBytes(spec));
      if (document == null || !document.isObject()) {
        throw new IOException("not a JSON object");
      }
      SpecModel model = of(document);
      if (FILES.size() < 64) {
        FILES.putIfAbsent(key, model);
      }
      return model;
    } catch (IOException | RuntimeException e) {
      String reason = e instanceof NoSuchFileException ? "no such file"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

  /** Follows local {@code $ref}s from {@code node} (bounded: a cycle stops after a few hops rather than looping). */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    for (int depth = 0; depth < 16 && node.has("$ref"); depth++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return node;
      }
      node = document.at(ref.substring(1));
    }
    return node;
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

  private static JsonNode load() {
    try (InputStream in = SpecModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the provider's OpenAPI document is missing from the classpath: " + RESOURCE);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loaded on first use of {@link #bundled()}. */
  private static final class Bundled {
    static final SpecModel MODEL = new SpecModel(load());
  }
}
