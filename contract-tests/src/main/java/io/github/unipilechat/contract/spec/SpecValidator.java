package io.github.unipilechat.contract.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.BracketDecoder;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.internal.ResponseChecker;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.openapi.OpenApiLayer;
import io.github.unipilechat.internal.openapi.Security;
import io.github.unipilechat.internal.spec.Lazy;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.OperationMatch;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.internal.validation.ParameterCheck;
import io.github.unipilechat.internal.validation.RequestCheck;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The contract kit's validator of requests and responses against a provider OpenAPI document, for every operation the
 * document has. The mock server, the Pact checks and {@code verify-pact} all use it.
 *
 * <p>A request is judged in two layers. Above the body, swagger-request-validator (the OpenAPI layer the project
 * names): which operation its method and path reach ({@link #route}), the credentials, content type and parameters
 * that operation requires, whether it takes a body. The body and the parameter values, on the one schema engine the
 * client uses. Answers likewise: the statuses and content types an operation documents, then what the body holds.
 *
 * <p>It reads the document through the client's one spec model ({@code io.github.unipilechat.internal.spec}) and its
 * one schema engine, so a broken rule reads the same here as in the client's {@code InvalidRequestException}
 * ("linkedin.follow_up.scheduled_time.days: must have a minimum value of 3"). What it validates is independent of the
 * client's encoder: multipart bodies are decoded by this kit's {@link BracketDecoder}, from the schema's declared
 * types. Each document is parsed and compiled once per process.
 */
public final class SpecValidator {
  /** The start-chat operation's path. */
  public static final String PATH = StartChat.PATH;
  /** Classpath location of the bundled document. */
  public static final String BUNDLED = SpecModel.RESOURCE;
  /** The largest spec file read, 32 MB (the provider's document is a few hundred KB); refused from its size. */
  public static final long MAX_SPEC_BYTES = SpecModel.MAX_SPEC_BYTES;
  private static final String NOT_DESCRIBED = "is not described by the spec; the provider may ignore it";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Keys of what is kept with each operation ({@link Operation#derived}). */
  private static final Object DECODER = new Object();

  private final SpecModel model;
  private final Lazy<BracketDecoder> decoder;
  private final Lazy<List<String>> apiKeyHeaders;

  private SpecValidator(SpecModel model) {
    this.model = model;
    this.decoder = Lazy.of(() -> new BracketDecoder(StartChat.bodySchema(model)));
    this.apiKeyHeaders = Lazy.of(() -> Security.headers(model.document(), startChat()));
  }

  /** The document shipped in the client's jar (one validator per process). */
  public static SpecValidator bundled() {
    return Bundled.VALIDATOR;
  }

  /**
   * Another copy of the provider's document (a newer release, a test's mutated copy).
   *
   * @throws UncheckedIOException naming the file once, with why it cannot be used
   */
  public static SpecValidator fromFile(Path spec) {
    return new SpecValidator(SpecModel.fromFile(spec));
  }

  /** A document already parsed (its start-chat form, when it has one, is read on first use). */
  public static SpecValidator of(JsonNode document) {
    return new SpecValidator(SpecModel.of(document));
  }

  /** The whole document (shared; do not modify). */
  public JsonNode document() {
    return model.document();
  }

  /**
   * The decoder reading the start-chat operation's multipart fields into the request's JSON shape, by this document's
   * declared types.
   *
   * @throws IllegalArgumentException when the document has no multipart body for {@code POST /api/v1/chats}
   */
  public BracketDecoder decoder() {
    return decoder.get();
  }

  /**
   * The decoder of one operation's multipart form: its fields into the request's JSON shape, by the types its body
   * schema declares. Kept with the operation.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public BracketDecoder decoder(String operationId) {
    Operation operation = model.operation(operationId);
    return operation.derived(DECODER, op -> new BracketDecoder(op.body().map(Operation.Body::schema)
        .orElse(JsonNodeFactory.instance.objectNode())));
  }

  /**
   * A JSON request body in the shape the body rules read: the object as sent, or a form violation saying why it is
   * not one (not JSON at all, or JSON that is not an object).
   */
  public static DecodedRequest decodeJson(byte[] body) {
    try {
      JsonNode tree = MAPPER.readTree(body);
      if (tree instanceof ObjectNode object) {
        return new DecodedRequest(object, List.of(), List.of());
      }
      return new DecodedRequest(JsonNodeFactory.instance.objectNode(), List.of(),
          List.of(new Violation("body", "must be a JSON object")));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      return new DecodedRequest(JsonNodeFactory.instance.objectNode(), List.of(),
          List.of(new Violation("body", "is not valid JSON" + where)));
    } catch (java.io.IOException e) {
      return new DecodedRequest(JsonNodeFactory.instance.objectNode(), List.of(),
          List.of(new Violation("body", "is not readable JSON")));
    }
  }

  /**
   * Where a request's method and path lead in the document, found by swagger-request-validator: the operation (the
   * most specific path template first, {@code /users/me} before {@code /users/{id}}) with its path parameters, a path
   * that has other methods only, or none.
   *
   * @param rawPath the path as sent, percent-encoded, without the query
   */
  public Route route(String method, String rawPath) {
    OperationMatch match = layer().route(method, rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    if (match instanceof OperationMatch.Found found) {
      Operation operation = found.operation();
      return new Route.Found(operation.id(), operation.method(), operation.path().template(), found.pathParameters());
    }
    return match instanceof OperationMatch.MethodNotAllowed notAllowed
        ? new Route.MethodNotAllowed(notAllowed.allowed()) : new Route.NotFound();
  }

  /** The OpenAPI layer the client uses too: one per spec model, built on first use. */
  private OpenApiLayer layer() {
    return OpenApiLayer.of(model);
  }

  /**
   * The media types the operation accepts as its request body, in the spec's order; empty when it takes none.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public List<String> requestMediaTypes(String operationId) {
    return model.operation(operationId).bodies().stream().map(Operation.Body::mediaType).toList();
  }

  /**
   * The operation's parameters by name, each with where it travels ({@code path}, {@code query}, {@code header},
   * {@code cookie}), in the spec's order.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public Map<String, String> parameters(String operationId) {
    Map<String, String> parameters = new LinkedHashMap<>();
    model.operation(operationId).parameters().forEach(p -> parameters.putIfAbsent(p.name(), p.in().word()));
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * Checks a request for the operation it reached: above the body (credentials, content type, required parameters,
   * parameters the operation does not list, a body where none is expected or none where one is required) on
   * swagger-request-validator; the parameter values and the body ({@code body}: multipart decoded by
   * {@link #decoder(String)}, JSON by {@link #decodeJson}) on the client's own rules, so they read the same words.
   * Not-described findings are included, marked ({@link ValidationResult#accepting(boolean)} drops them).
   *
   * @param body the decoded body, or null when the request has none
   */
  public ValidationResult validateRequest(Route.Found route, ReceivedRequest request, DecodedRequest body) {
    Operation operation = model.operation(route.operationId());
    List<Violation> violations = new ArrayList<>(of(layer().request(operation, route.pathParameters(),
        request.query(), request.headers(), body != null)));
    if (!operation.parameters().isEmpty()) {
      violations.addAll(of(ParameterCheck.of(operation)
          .check(route.pathParameters(), request.query(), request.firstHeaderValues())));
    }
    if (body != null && operation.body(request.contentType()).isPresent()) {
      violations.addAll(body.formViolations());
      // A body that did not read as its media type (not JSON) has no fields to hold to the rules.
      if (body.formViolations().stream().noneMatch(v -> v.field().equals("body"))) {
        violations.addAll(bodyFindings(FormSchema.of(model, operation), RequestCheck.of(model, operation), body));
      }
    }
    return new ValidationResult(violations.stream().distinct().toList());
  }

  /**
   * Checks a decoded multipart request: its fields against the request rules, the form rules the decoder found, and
   * the API key header the spec's security scheme requires. Not-described findings are included, marked as such
   * ({@link ValidationResult#accepting(boolean)} drops them).
   */
  public ValidationResult validateRequest(DecodedRequest request, boolean apiKeyPresent) {
    List<Violation> violations = new ArrayList<>(request.formViolations());
    if (!apiKeyPresent) {
      apiKeyHeaders.get().forEach(header -> violations.add(new Violation(header, "is required")));
    }
    violations.addAll(bodyFindings(StartChat.form(model), StartChat.check(model), request));
    return new ValidationResult(violations.stream().distinct().toList());
  }

  /** The body rules' findings, files checked as present or not, on the client's one engine. */
  private static List<Violation> bodyFindings(FormSchema form, RequestCheck check, DecodedRequest request) {
    ObjectNode fields = request.fields().deepCopy();
    Set<String> filesGiven = new HashSet<>();
    for (FormField field : form.fields()) {
      if (field.kind().isFile() && fields.has(field.name())) {
        fields.remove(field.name());
        filesGiven.add(field.name());
      }
    }
    return of(check.check(fields, filesGiven));
  }

  /** The client's findings (its OpenAPI layer's, its rules') as the kit's violations, in the same words. */
  private static List<Violation> of(List<InvalidRequestException.Violation> findings) {
    List<Violation> violations = new ArrayList<>(findings.size());
    for (InvalidRequestException.Violation finding : findings) {
      violations.add(new Violation(finding.field(), finding.rule(),
          finding.kind() == InvalidRequestException.Violation.Kind.RULE ? Violation.Kind.RULE
              : Violation.Kind.NOT_DESCRIBED));
    }
    return violations;
  }

  /**
   * Checks a response of the start-chat operation's ({@link #validateResponse(Route.Found, int, String, Map, String)}
   * for it, without headers).
   */
  public ValidationResult validateResponse(int status, String contentType, String body) {
    Operation startChat = startChat();
    return validateResponse(new Route.Found(startChat.id(), startChat.method(), startChat.path().template(), Map.of()),
        status, contentType, Map.of(), body);
  }

  /**
   * Checks an answer to the operation {@code route} reached: whether the operation documents its status, content type
   * and headers, and whether it has a body where one is documented (swagger-request-validator); then what the body
   * holds, with the client's drift check (a body off its schema, a field the schema does not describe).
   *
   * @param headers the answer's headers besides Content-Type (may be empty)
   * @param body the body as text, or null
   */
  public ValidationResult validateResponse(Route.Found route, int status, String contentType,
      Map<String, List<String>> headers, String body) {
    Operation operation = model.operation(route.operationId());
    boolean hasBody = body != null && !body.isEmpty();
    List<Violation> violations = new ArrayList<>(of(layer().response(operation, route.pathTemplate(), status,
        contentType, headers, hasBody)));
    boolean judged = violations.stream().anyMatch(v -> v.field().equals("status") || v.field().equals("body"));
    if (!judged) {
      for (DriftFinding finding : ResponseChecker.check(ResponseSpec.of(model.document(), operation), status,
          contentType, null, body, UnaryOperator.identity())) {
        if (finding.kind() != DriftFinding.Kind.CONTENT_TYPE && finding.kind() != DriftFinding.Kind.UNDOCUMENTED_STATUS) {
          violations.add(violation(finding));
        }
      }
    }
    return new ValidationResult(violations.stream().distinct().toList());
  }

  /** The response codes the spec documents for the start-chat operation, as written ({@code 201}, {@code 400}...). */
  public List<String> documentedStatuses() {
    return List.copyOf(startChat().responses().keySet());
  }

  /**
   * The response codes the spec documents for an operation, as written, in its order.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public List<String> documentedStatuses(String operationId) {
    return List.copyOf(model.operation(operationId).responses().keySet());
  }

  /** Each documented error status of the start-chat operation with the {@code type} values its schema allows. */
  public Map<Integer, List<String>> errorTypes() {
    return model.errorTypes(startChat());
  }

  /**
   * Each documented status of an operation whose answer has a {@code type} enum (the errors), with its values in
   * the spec's order.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public Map<Integer, List<String>> errorTypes(String operationId) {
    return model.errorTypes(model.operation(operationId));
  }

  /**
   * The JSON schema of the answer an operation documents for {@code status} (its own entry, else its range such as
   * {@code 2XX}, else {@code default}), {@code $ref}s resolved at the top; empty when that answer has no JSON body.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public Optional<JsonNode> responseSchema(String operationId, int status) {
    Map<String, JsonNode> responses = model.operation(operationId).responses();
    String exact = Integer.toString(status);
    JsonNode response = responses.get(exact);
    for (String key : List.of(exact.charAt(0) + "XX", exact.charAt(0) + "xx", "default")) {
      response = response != null ? response : responses.get(key);
    }
    if (response == null) {
      return Optional.empty();
    }
    var media = response.path("content").properties().iterator();
    while (media.hasNext()) {
      var entry = media.next();
      String type = entry.getKey().toLowerCase(java.util.Locale.ROOT);
      if (type.startsWith("application/json") || type.contains("+json")) {
        return Optional.of(SpecModel.resolve(model.document(), entry.getValue().path("schema")));
      }
    }
    return Optional.empty();
  }

  private Operation startChat() {
    return StartChat.operation(model);
  }

  private Violation violation(DriftFinding finding) {
    String field = finding.pointer().isEmpty() ? "body" : finding.pointer().substring(1).replace('/', '.');
    return switch (finding.kind()) {
      case UNDOCUMENTED_STATUS -> new Violation("status", finding.status() + " is not documented for POST " + PATH
          + " (documented: " + String.join(", ", documentedStatuses()) + ")");
      case CONTENT_TYPE -> new Violation("header Content-Type", finding.actual() + " is not documented for status "
          + finding.status() + " (documented: " + finding.expected() + ")");
      case MISSING_FIELD -> new Violation(field, "is required");
      case ENUM_VALUE -> new Violation(field, "must be " + finding.expected() + ", not " + finding.actual());
      case NOT_DESCRIBED -> new Violation(field, NOT_DESCRIBED, Violation.Kind.NOT_DESCRIBED);
      case BODY_SHAPE -> new Violation(field, "must be " + finding.expected() + ", not " + finding.actual());
    };
  }

  /** Built on first use of {@link #bundled()}. */
  private static final class Bundled {
    static final SpecValidator VALIDATOR = new SpecValidator(SpecModel.bundled());
  }
}
