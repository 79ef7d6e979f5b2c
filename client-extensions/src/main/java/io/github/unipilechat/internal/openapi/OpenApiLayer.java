package io.github.unipilechat.internal.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.OperationMatch;
import io.github.unipilechat.internal.spec.Parameter;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.text.UntrustedText;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI layer above the body, taken from swagger-request-validator: which operation a method and path reach
 * (path templates, the most specific first), the parameters an operation requires, the content types it accepts,
 * whether it takes a body, the security it asks for, and which answers it documents (status, content type, headers).
 * The client asks it about each request before sending; the contract kit about each request it receives and each
 * answer it judges: one layer per spec model, so a missing parameter reads the same in both.
 *
 * <p>Its body-schema and parameter-schema levels are {@code IGNORE}: what a body or a parameter value holds is judged
 * on the project's one schema engine (networknt, through {@code RequestCheck}, {@code ParameterCheck} and the drift
 * check), so one broken rule reads the same words in the client, the mock and {@code verify-pact}. Its findings are
 * worded here in those same words ({@code limit: is required (query parameter)}), by their message key.
 *
 * <p>The document reaches it as the JSON text of the model already read and checked ({@code SpecDocument}: every
 * {@code $ref} local), parsed from memory, so its parser never opens a file or a URL; the levels are set here alone
 * (its own loader, which would read {@code .swagger-validator} from the working directory and system properties, is
 * off). Building it costs the library's start (about 250 ms cold in a fresh JVM, a few ms warm), paid on the first
 * request of a process; after that a request's verdict is kept per shape ({@link RequestShape}).
 */
public final class OpenApiLayer {
  /** The root words OpenAPI 3.0 defines; the provider's document carries others ({@code _id}) its parser refuses. */
  private static final Set<String> OPENAPI_ROOT = Set.of("openapi", "info", "servers", "paths", "components",
      "security", "tags", "externalDocs");
  /** A body that is there; what it holds is never handed over (IGNORE'd schema work is not done either). */
  private static final Body PRESENT = new Body() {
    @Override
    public boolean hasBody() {
      return true;
    }

    @Override
    public JsonNode toJsonNode() throws IOException {
      throw new IOException("judged on the kit's own schema engine");
    }

    @Override
    public String toString(Charset encoding) throws IOException {
      throw new IOException("judged on the kit's own schema engine");
    }
  };

  private final SpecModel model;
  private final ApiOperationResolver resolver;
  private final OpenApiInteractionValidator validator;
  private final Map<String, Operation> byMethodAndPath = new HashMap<>();
  private static final int MAX_ROUTES = 4096;
  private static final int MAX_KEPT_PATH = 512;
  private final Map<String, OperationMatch> routes = new ConcurrentHashMap<>();
  private final Map<String, List<Violation>> verdicts = new ConcurrentHashMap<>();
  /** The key of an operation's verdicts on what the client sends ({@link #sending}), kept with the operation. */
  private static final Object SENT = new Object();

  private OpenApiLayer(SpecModel model) {
    this.model = model;
    String text = forParser(model.document());
    ParseOptions options = new ParseOptions();
    options.setResolve(true); // local $refs of parameters, bodies and answers
    options.setResolveFully(false); // schemas are not validated here: nothing to inline
    options.setValidateExternalRefs(false);
    options.setSafelyResolveURL(true);
    var api = new OpenApiLoader().loadApi(OpenApiInteractionValidator.SpecSource.inline(text), List.of(), options);
    // Paths are matched as the spec writes them: the client puts each under its base URL, whatever the servers say.
    this.resolver = new ApiOperationResolver(api, "/", false);
    this.validator = OpenApiInteractionValidator.createFor(api)
        .withBasePathOverride("/")
        .withLevelResolver(levels())
        .build();
    model.operations().all().forEach(op -> byMethodAndPath.put(op.method() + " " + op.path().template(), op));
  }

  /** The layer of {@code model}: its document parsed once more, by swagger-parser, from memory; kept with the model. */
  public static OpenApiLayer of(SpecModel model) {
    return model.derived(OpenApiLayer.class, OpenApiLayer::new);
  }

  /**
   * Where {@code method} and {@code rawPath} (percent-encoded, without query) lead in the document. The library's
   * verdicts are kept for the most recent {@value #MAX_ROUTES} short paths: its matcher compiles a pattern per
   * template segment on every call, and a mock sees the same few paths again and again.
   */
  public OperationMatch route(String method, String rawPath) {
    if (rawPath.length() > MAX_KEPT_PATH) {
      return find(method, rawPath);
    }
    String key = method + ' ' + rawPath;
    OperationMatch route = routes.get(key);
    if (route == null) {
      route = find(method, rawPath);
      if (routes.size() >= MAX_ROUTES) {
        routes.clear(); // a crude bound; a mock's paths are few, a flood of distinct ones just recomputes
      }
      routes.put(key, route);
    }
    return route;
  }

  private OperationMatch find(String method, String rawPath) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    Request.Method known = knownMethod(upper);
    ApiOperationMatch match = known == null ? null : resolver.findApiOperation(rawPath, known);
    if (match != null && match.isOperationAllowed()) {
      ApiOperation found = match.getApiOperation();
      Operation operation = byMethodAndPath.get(upper + " " + found.getApiPath().original());
      if (operation != null) {
        return new OperationMatch.Found(operation, pathParameters(operation, found));
      }
    }
    if (match != null && !match.isPathFound()) {
      return new OperationMatch.NotFound();
    }
    // The path is the document's, the method is not (or is one HTTP has that OpenAPI 3.0 does not): the methods the
    // library finds for the path, in the document's order.
    List<String> allowed = new ArrayList<>();
    for (Request.Method candidate : Request.Method.values()) {
      if (resolver.findApiOperation(rawPath, candidate).isOperationAllowed()) {
        allowed.add(candidate.name());
      }
    }
    List<String> ordered = new ArrayList<>();
    for (Operation operation : model.operations().all()) {
      if (allowed.contains(operation.method()) && !ordered.contains(operation.method())
          && operation.path().match(rawPath) != null) {
        ordered.add(operation.method());
      }
    }
    allowed.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
    return ordered.isEmpty() ? new OperationMatch.NotFound() : new OperationMatch.MethodNotAllowed(List.copyOf(ordered));
  }

  /**
   * What this layer finds in a request for {@code operation}: security, content type, {@code Accept}, required path,
   * query, header and cookie parameters present, query parameters the operation does not list, a body where none or
   * none where one is required.
   *
   * <p>With the schema levels at IGNORE, these checks read a request's shape, not its values: which parameters are
   * there (and whether empty), which credentials, the content type and {@code Accept}, whether a body is. So the
   * library is shown that shape ({@link RequestShape}), and its verdict is kept per shape: a client and a mock see
   * the same few shapes again and again, whatever ids and texts they carry, and the library's per-request work (a few
   * dozen microseconds) is paid once per shape.
   *
   * @param pathValues the path parameters by name, as given (decoded)
   * @param query the query parameters in order, a repeated name once per value
   * @param headers every header with its values, as sent
   * @param hasBody whether a body is sent
   */
  public List<Violation> request(Operation operation, Map<String, String> pathValues,
      List<Map.Entry<String, String>> query, Map<String, List<String>> headers, boolean hasBody) {
    RequestShape shape = RequestShape.of(operation, pathValues, query, headers, hasBody, model.document());
    if (shape.key() == null) {
      return check(operation, shape);
    }
    List<Violation> found = verdicts.get(shape.key());
    if (found == null) {
      found = List.copyOf(check(operation, shape));
      if (verdicts.size() >= MAX_ROUTES) {
        verdicts.clear(); // a crude bound: a flood of distinct shapes just recomputes
      }
      verdicts.put(shape.key(), found);
    }
    return found;
  }

  /**
   * What this layer finds in a request the client is about to send, as the transport will send it: its path, query
   * and header parameters, {@value Security#CLIENT_KEY_HEADER} (the transport adds the key to every request for the
   * configured origin, and no other credential) and its body's content type. A client sends the same few shapes
   * again and again, so each operation keeps its verdicts by a short key of what varies (which path parameters are
   * given, the query and header parameters there, the content type); only a new key builds the full
   * {@link RequestShape}.
   *
   * @param headerParameters the header parameters, by name
   * @param contentType the media type the body goes with (a form's without its boundary), or null when none is sent
   * @param hasBody whether a body is there to judge: a body given to an operation that takes none is shown, to be
   *     refused, though the transport would not send it
   */
  public List<Violation> sending(Operation operation, Map<String, String> pathValues,
      List<Map.Entry<String, String>> query, Map<String, String> headerParameters, String contentType,
      boolean hasBody) {
    String key = RequestShape.sentKey(operation, pathValues, query, headerParameters, contentType, hasBody);
    Map<String, List<Violation>> kept = operation.derived(SENT, op -> new ConcurrentHashMap<>());
    List<Violation> found = key == null ? null : kept.get(key);
    if (found == null) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headerParameters.forEach((name, value) -> headers.put(name, List.of(value)));
      headers.put(Security.CLIENT_KEY_HEADER, List.of("present"));
      if (contentType != null) {
        headers.put("Content-Type", List.of(contentType.regionMatches(true, 0, "multipart/", 0, 10)
            ? contentType + "; boundary=b" : contentType));
      }
      found = List.copyOf(request(operation, pathValues, query, headers, hasBody));
      if (key != null) {
        if (kept.size() >= MAX_ROUTES) {
          kept.clear(); // a crude bound: a flood of distinct shapes just recomputes
        }
        kept.put(key, found);
      }
    }
    return found;
  }

  private List<Violation> check(Operation operation, RequestShape shape) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(operation.method(), shape.path(), true);
    shape.headers().forEach(builder::withHeader);
    shape.query().forEach(builder::withQueryParam);
    if (shape.hasBody()) {
      builder.withBody(PRESENT);
    }
    List<String> contentType = shape.headers().get("Content-Type");
    List<String> accept = shape.headers().get("Accept");
    ValidationReport report;
    try {
      report = validator.validateRequest(builder.build());
    } catch (IllegalArgumentException unreadable) {
      return List.of(unreadable(operation, "request", unreadable));
    }
    return findings(operation, report, -1, contentType == null ? null : contentType.get(0),
        accept == null ? null : accept.get(0));
  }

  /**
   * The library cannot judge against something the document itself spells wrong (a media type no parser reads, as
   * {@code application/vnd x+json}): nothing is let through unjudged, and the finding says what in the document is
   * at fault.
   */
  private static Violation unreadable(Operation operation, String what, IllegalArgumentException e) {
    return new Violation(what, "cannot be checked: " + operation + " in the spec holds what the OpenAPI layer cannot"
        + " read (" + shown(Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())) + ")");
  }

  /** What this layer finds in an answer to {@code operation}: a status it does not document, content type, headers. */
  public List<Violation> response(Operation operation, String rawPath, int status, String contentType,
      Map<String, List<String>> headers, boolean hasBody) {
    SimpleResponse.Builder builder = new SimpleResponse.Builder(status);
    headers.forEach((name, values) -> builder.withHeader(name, values));
    if (contentType != null) {
      builder.withContentType(contentType);
    }
    SimpleResponse response = builder.build();
    Request.Method method = knownMethod(operation.method());
    ValidationReport report;
    try {
      report = validator.validateResponse(rawPath, method, hasBody ? new WithBody(response) : response);
    } catch (IllegalArgumentException unreadable) {
      return List.of(unreadable(operation, "response", unreadable));
    }
    return findings(operation, report, status, contentType, null);
  }

  /** swagger-request-validator's findings at ERROR, in the words the client and the body engine use. */
  private List<Violation> findings(Operation operation, ValidationReport report, int status, String contentType,
      String accept) {
    List<Violation> violations = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      violations.add(violation(operation, message, status, contentType, accept));
    }
    return violations;
  }

  private Violation violation(Operation operation, ValidationReport.Message message, int status, String contentType,
      String accept) {
    String key = message.getKey();
    Optional<io.swagger.v3.oas.models.parameters.Parameter> parameter =
        message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
    return switch (key) {
      case "validation.request.security.missing", "validation.request.security.invalid" ->
          new Violation(String.join(", ", Security.headers(model.document(), operation)), "is required");
      case "validation.request.contentType.notAllowed", "validation.request.contentType.invalid" ->
          new Violation("header Content-Type", shown(Objects.requireNonNullElse(contentType, "(none)"))
              + " is not " + mediaTypes(operation) + ", the request content " + operation + " accepts");
      case "validation.request.accept.notAllowed", "validation.request.accept.invalid" ->
          new Violation("header Accept", shown(Objects.requireNonNullElse(accept, "(none)"))
              + " matches no answer " + operation + " documents");
      case "validation.request.body.missing" ->
          new Violation("body", "is required (requestBody.required: " + mediaTypes(operation) + ")");
      case "validation.request.body.unexpected" ->
          new Violation("body", "is not expected: " + operation + " takes no request body");
      case "validation.request.parameter.query.unexpected" -> new Violation(
          shown(parameter.map(io.swagger.v3.oas.models.parameters.Parameter::getName).orElse("query parameter")),
          "is not a parameter of " + operation.id() + " in the spec; it has: " + String.join(", ",
              operation.parameters().stream().map(p -> p.name() + " (" + p.in().word() + ")").toList()),
          Violation.Kind.NOT_DESCRIBED);
      case "validation.request.parameter.missing", "validation.request.parameter.query.missing",
          "validation.request.parameter.header.missing", "validation.request.parameter.cookie.missing" ->
          parameter.map(p -> new Violation(p.getName(), "is required (" + in(p.getIn()) + " parameter)"))
              .orElseGet(() -> new Violation("parameters", UntrustedText.oneLine(message.getMessage(), 500)));
      case "validation.response.status.unknown" -> new Violation("status", status + " is not documented for "
          + operation + " (documented: " + String.join(", ", operation.responses().keySet()) + ")");
      case "validation.response.contentType.notAllowed", "validation.response.contentType.invalid" ->
          new Violation("header Content-Type", shown(Objects.requireNonNullElse(contentType, "(none)"))
              + " is not documented for status " + status + " (documented: " + responseTypes(operation, status) + ")");
      case "validation.response.body.missing" ->
          new Violation("body", "is required: status " + status + " documents " + responseTypes(operation, status));
      case "validation.response.body.unexpected" ->
          new Violation("body", "is not expected: status " + status + " documents no body");
      default -> new Violation(key.startsWith("validation.response") ? "response" : "request",
          UntrustedText.oneLine(message.getMessage(), 500));
    };
  }

  private static String in(String word) {
    Parameter.In in = word == null ? null : switch (word.toLowerCase(Locale.ROOT)) {
      case "path" -> Parameter.In.PATH;
      case "query" -> Parameter.In.QUERY;
      case "header" -> Parameter.In.HEADER;
      case "cookie" -> Parameter.In.COOKIE;
      default -> null;
    };
    return in == null ? "request" : in.word();
  }

  private static String mediaTypes(Operation operation) {
    return String.join(" or ", operation.bodies().stream().map(Operation.Body::mediaType).toList());
  }

  private static String responseTypes(Operation operation, int status) {
    JsonNode response = operation.responses().get(Integer.toString(status));
    if (response == null) {
      response = operation.responses().getOrDefault(Integer.toString(status).charAt(0) + "XX",
          operation.responses().get("default"));
    }
    List<String> types = new ArrayList<>();
    if (response != null) {
      response.path("content").fieldNames().forEachRemaining(types::add);
    }
    return types.isEmpty() ? "no body" : String.join(" or ", types);
  }

  /** A value from a request as a finding shows it: on one line, escaped, and cut when long. */
  private static String shown(String value) {
    return UntrustedText.oneLine(value, 200);
  }

  /** Path parameters as the client wrote them: decoded by the operation's own template (a {@code +} stays). */
  private static Map<String, String> pathParameters(Operation operation, ApiOperation found) {
    Map<String, String> values = operation.path().match(found.getRequestPath().original());
    if (values != null) {
      return values;
    }
    // The library matched where the template does not (case, a trailing slash): its own decoding then.
    Map<String, String> theirs = new java.util.LinkedHashMap<>();
    for (int i = 0; i < found.getApiPath().numberOfParts(); i++) {
      found.getApiPath().paramValues(i, found.getRequestPath().part(i))
          .forEach((name, value) -> value.ifPresent(v -> theirs.put(name, v)));
    }
    return Map.copyOf(theirs);
  }

  private static Request.Method knownMethod(String upper) {
    for (Request.Method method : Request.Method.values()) {
      if (method.name().equals(upper)) {
        return method;
      }
    }
    return null;
  }

  /**
   * The levels: everything at ERROR but the schema work the one body engine does (bodies, parameter values and their
   * array and enum rules), and no loader (it would read {@code .swagger-validator} and system properties).
   */
  private static LevelResolver levels() {
    return LevelResolver.create()
        .withLoader(null)
        .withDefaultLevel(ValidationReport.Level.ERROR)
        .withLevel("validation.request.body.schema", ValidationReport.Level.IGNORE)
        .withLevel("validation.response.body.schema", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.schema", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.enum", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.collection", ValidationReport.Level.IGNORE)
        .withLevel("validation.schema", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
        .build();
  }

  /**
   * The document as its parser reads it: only the root words OpenAPI defines. Every {@code $ref} in it is local and
   * leads somewhere: the model's document was checked when it was read ({@code SpecDocument}).
   */
  private static String forParser(JsonNode document) {
    ObjectNode copy = ((ObjectNode) document).deepCopy();
    copy.properties().removeIf(root -> !OPENAPI_ROOT.contains(root.getKey()) && !root.getKey().startsWith("x-"));
    return copy.toString();
  }

  /** A response whose body is there (swagger's SimpleResponse takes only text bodies; what it holds is not its job). */
  private record WithBody(SimpleResponse response) implements com.atlassian.oai.validator.model.Response {
    @Override
    public int getStatus() {
      return response.getStatus();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Optional<String> getBody() {
      return Optional.empty();
    }

    @Override
    public Optional<Body> getResponseBody() {
      return Optional.of(PRESENT);
    }

    @Override
    public Collection<String> getHeaderValues(String name) {
      return response.getHeaderValues(name);
    }
  }
}
