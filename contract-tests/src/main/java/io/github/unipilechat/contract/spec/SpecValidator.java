package io.github.unipilechat.contract.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.BracketDecoder;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's one validator of requests and responses against the provider's OpenAPI document, on
 * swagger-request-validator. The mock server, the Pact checks and {@code verify-pact} all use it.
 *
 * <p>swagger-request-validator does not read multipart bodies, so requests are first decoded into the
 * request's JSON shape ({@link BracketDecoder}) and validated against the same schema, which this class exposes
 * in memory under {@code application/json} as well. The document itself is never changed.
 */
public final class SpecValidator {
  public static final String PATH = "/api/v1/chats";
  public static final String BUNDLED = "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json";
  private static final String MULTIPART = "multipart/form-data";
  private static final String JSON_TYPE = "application/json";
  private static final String API_KEY = "X-API-KEY";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> OPENAPI_ROOT = Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths",
      "webhooks", "components", "security", "tags", "externalDocs");

  /**
   * Verdicts kept per distinct request or response: a mock under a test suite sees the same few requests over and
   * over, pacts repeat the provider's few answers, and swagger-request-validator spends a few hundred µs on each
   * (it hashes the whole schema tree to find its compiled schema). A verdict is a function of the document and the
   * inputs in its key (decoded fields and the key's presence; status, content type and body), so a kept one is the
   * one a fresh check would give. Bounded in entries and in key length; emptied when full.
   */
  static final int VERDICTS_KEPT = 512;
  static final int LONGEST_KEPT_REQUEST = 8 * 1024;

  private final JsonNode document;
  private final JsonNode requestSchema;
  private final Map<String, List<Violation>> verdicts = new ConcurrentHashMap<>();
  private final OpenApiInteractionValidator validator;
  private final BracketDecoder decoder;

  private SpecValidator(JsonNode document) {
    this.document = document;
    JsonNode operation = document.path("paths").path(PATH).path("post");
    this.requestSchema = operation.path("requestBody").path("content").path(MULTIPART).path("schema");
    if (requestSchema.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no multipart request body for POST " + PATH);
    }
    this.decoder = new BracketDecoder(requestSchema);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(withJsonView(document)).build();
  }

  /** Read once per process: the mock, each pact check and verify-pact share it (it is immutable). */
  private static volatile SpecValidator bundled;

  /**
   * The document shipped in the client's jar, parsed once per process and shared. Thread-safe: a caller that
   * comes while another parses it waits for that one. A failure is not kept; the next call tries again.
   */
  public static SpecValidator bundled() {
    SpecValidator shared = bundled;
    if (shared == null) {
      synchronized (SpecValidator.class) {
        shared = bundled;
        if (shared == null) {
          shared = readBundled();
          bundled = shared;
        }
      }
    }
    return shared;
  }

  /** A validator of its own on the bundled document (for tests that count what one instance keeps). */
  static SpecValidator readBundled() {
    try (InputStream in = SpecValidator.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled spec is missing from the classpath: " + BUNDLED);
      }
      return new SpecValidator(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The largest spec file read, 32 MB (the provider's document is a few hundred KB); refused from its size. */
  public static final long MAX_SPEC_BYTES = 32L * 1024 * 1024;

  /** @throws UncheckedIOException naming the file once, with why it cannot be used */
  public static SpecValidator fromFile(Path spec) {
    try {
      long size = Files.size(spec);
      if (size > MAX_SPEC_BYTES) {
        throw new IOException(size + " bytes, over the " + MAX_SPEC_BYTES + "-byte limit for a spec");
      }
      JsonNode document = MAPPER.readTree(Files.readAllBytes(spec));
      if (document == null || !document.isObject()) {
        throw new IOException("not a JSON object");
      }
      return new SpecValidator(document);
    } catch (IOException | RuntimeException e) {
      String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UncheckedIOException("cannot read the spec " + spec + ": " + reason,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  public JsonNode document() {
    return document;
  }

  public BracketDecoder decoder() {
    return decoder;
  }

  /**
   * Checks a decoded multipart request: its fields against the request schema, the form rules the decoder
   * found, and the {@code X-API-KEY} the spec's security scheme requires.
   */
  public ValidationResult validateRequest(DecodedRequest request, boolean apiKeyPresent) {
    List<Violation> violations = new ArrayList<>(request.formViolations());
    String body = request.fields().toString();
    String key = (apiKeyPresent ? "k" : "-") + body;
    List<Violation> verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = check(body, apiKeyPresent, request.fields());
      keep(key, verdict);
    }
    violations.addAll(verdict);
    return new ValidationResult(dedupe(violations));
  }

  private List<Violation> check(String body, boolean apiKeyPresent, JsonNode fields) {
    SimpleRequest.Builder builder = SimpleRequest.Builder.post(PATH)
        .withContentType(JSON_TYPE)
        .withBody(body);
    if (apiKeyPresent) {
      builder.withHeader(API_KEY, "present");
    }
    ValidationReport report = validator.validateRequest(builder.build());
    return List.copyOf(MessageReader.violations(report, "request", requestSchema, fields));
  }

  /** How many distinct requests have a verdict kept (for tests). */
  int verdictsKept() {
    return verdicts.size();
  }

  /** Checks a response's status, content type and body against the responses the spec documents. */
  public ValidationResult validateResponse(int status, String contentType, String body) {
    List<String> documented = documentedStatuses();
    if (!documented.contains(String.valueOf(status)) && !documented.contains("default")
        && !documented.contains(String.valueOf(status).charAt(0) + "XX")) {
      return new ValidationResult(List.of(new Violation("status", status + " is not documented for POST " + PATH
          + " (documented: " + String.join(", ", documented) + ")")));
    }
    // The same three inputs, the same verdict: pacts repeat the provider's few answers in every interaction.
    String key = "r" + status + "\n" + (contentType == null ? "-" : "+" + contentType) + "\n"
        + (body == null ? "-" : "+" + body);
    List<Violation> verdict = verdicts.get(key);
    if (verdict == null) {
      SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
      if (contentType != null) {
        builder.withContentType(contentType);
      }
      if (body != null) {
        builder.withBody(body);
      }
      ValidationReport report = validator.validateResponse(PATH, Request.Method.POST, builder.build());
      verdict = List.copyOf(MessageReader.violations(report, "response", null, null));
      keep(key, verdict);
    }
    return new ValidationResult(verdict);
  }

  private void keep(String key, List<Violation> verdict) {
    if (key.length() <= LONGEST_KEPT_REQUEST) {
      if (verdicts.size() >= VERDICTS_KEPT) {
        verdicts.clear();
      }
      verdicts.put(key, verdict);
    }
  }

  /** The response codes the spec documents for the operation, as written ({@code 201}, {@code 400}...). */
  public List<String> documentedStatuses() {
    List<String> statuses = new ArrayList<>();
    document.path("paths").path(PATH).path("post").path("responses").fieldNames().forEachRemaining(statuses::add);
    return List.copyOf(statuses);
  }

  /** Each documented error status with the {@code type} values its schema allows, in the spec's order. */
  public Map<Integer, List<String>> errorTypes() {
    Map<Integer, List<String>> types = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> responses = document.path("paths").path(PATH).path("post").path("responses").fields();
    while (responses.hasNext()) {
      Map.Entry<String, JsonNode> response = responses.next();
      JsonNode enumValues = response.getValue().path("content").path(JSON_TYPE).path("schema").path("properties").path("type").path("enum");
      if (enumValues.isArray() && response.getKey().matches("\\d{3}")) {
        List<String> values = new ArrayList<>();
        enumValues.forEach(v -> values.add(v.asText()));
        types.put(Integer.parseInt(response.getKey()), List.copyOf(values));
      }
    }
    return types;
  }

  /**
   * The document as swagger-request-validator reads it: each multipart request schema also under JSON, and
   * without root attributes OpenAPI does not define (the provider's {@code _id}), which its parser refuses.
   */
  private static String withJsonView(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.properties().removeIf(root -> !OPENAPI_ROOT.contains(root.getKey()) && !root.getKey().startsWith("x-"));
    for (JsonNode path : copy.path("paths")) {
      for (JsonNode operation : path) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content instanceof ObjectNode contentTypes && contentTypes.has(MULTIPART)) {
          contentTypes.set(JSON_TYPE, contentTypes.get(MULTIPART).deepCopy());
        }
      }
    }
    return copy.toString();
  }

  private static List<Violation> dedupe(List<Violation> violations) {
    return violations.stream().distinct().toList();
  }
}
