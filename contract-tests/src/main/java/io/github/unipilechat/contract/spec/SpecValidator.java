package io.github.unipilechat.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.BracketDecoder;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.internal.ResponseChecker;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.spec.SpecModel;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The contract kit's validator of requests and responses against a provider OpenAPI document. The mock server, the
 * Pact checks and {@code verify-pact} all use it.
 *
 * <p>It reads the document through the client's one spec model ({@code io.github.unipilechat.internal.spec}) and its
 * one schema engine, so a broken rule reads the same here as in the client's {@code InvalidRequestException}
 * ("linkedin.follow_up.scheduled_time.days: must have a minimum value of 3"). What it validates is independent of the
 * client's encoder: multipart bodies are decoded by this kit's {@link BracketDecoder}, from the schema's declared
 * types. Each document is parsed and compiled once per process.
 */
public final class SpecValidator {
  /** The start-chat operation's path. */
  public static final String PATH = SpecModel.PATH;
  /** Classpath location of the bundled document. */
  public static final String BUNDLED = SpecModel.RESOURCE;
  /** The largest spec file read, 32 MB (the provider's document is a few hundred KB); refused from its size. */
  public static final long MAX_SPEC_BYTES = SpecModel.MAX_SPEC_BYTES;
  private static final String NOT_DESCRIBED = "is not described by the spec; the provider may ignore it";

  private final SpecModel model;
  private final BracketDecoder decoder;
  private final List<String> apiKeyHeaders;

  private SpecValidator(SpecModel model) {
    this.model = model;
    this.decoder = new BracketDecoder(model.requestSchema());
    this.apiKeyHeaders = apiKeyHeaders(model.document());
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

  /**
   * A document already parsed.
   *
   * @throws IllegalArgumentException when it has no multipart body for {@code POST /api/v1/chats}
   */
  public static SpecValidator of(JsonNode document) {
    return new SpecValidator(SpecModel.of(document));
  }

  /** The whole document (shared; do not modify). */
  public JsonNode document() {
    return model.document();
  }

  /** The decoder reading multipart fields into the request's JSON shape, by this document's declared types. */
  public BracketDecoder decoder() {
    return decoder;
  }

  /**
   * Checks a decoded multipart request: its fields against the request rules, the form rules the decoder found, and
   * the API key header the spec's security scheme requires. Not-described findings are included, marked as such
   * ({@link ValidationResult#accepting(boolean)} drops them).
   */
  public ValidationResult validateRequest(DecodedRequest request, boolean apiKeyPresent) {
    List<Violation> violations = new ArrayList<>(request.formViolations());
    if (!apiKeyPresent) {
      apiKeyHeaders.forEach(header -> violations.add(new Violation(header, "is required")));
    }
    ObjectNode fields = request.fields().deepCopy();
    Set<String> filesGiven = new HashSet<>();
    for (FormField field : model.form().fields()) {
      if (field.kind().isFile() && fields.has(field.name())) {
        fields.remove(field.name());
        filesGiven.add(field.name());
      }
    }
    for (InvalidRequestException.Violation finding : model.requestCheck().check(fields, filesGiven)) {
      violations.add(new Violation(finding.field(), finding.rule(),
          finding.kind() == InvalidRequestException.Violation.Kind.RULE ? Violation.Kind.RULE : Violation.Kind.NOT_DESCRIBED));
    }
    return new ValidationResult(violations.stream().distinct().toList());
  }

  /**
   * Checks a response's status, content type and body against the responses the spec documents, with the client's
   * drift check: an undocumented status, content type, a body off its schema, a field the schema does not describe.
   */
  public ValidationResult validateResponse(int status, String contentType, String body) {
    List<Violation> violations = new ArrayList<>();
    for (DriftFinding finding : ResponseChecker.check(model.responses(), status, contentType, null, body,
        UnaryOperator.identity())) {
      violations.add(violation(finding));
    }
    return new ValidationResult(violations.stream().distinct().toList());
  }

  /** The response codes the spec documents for the operation, as written ({@code 201}, {@code 400}...). */
  public List<String> documentedStatuses() {
    return model.statusKeys();
  }

  /** Each documented error status with the {@code type} values its schema allows, in the spec's order. */
  public Map<Integer, List<String>> errorTypes() {
    return model.operationErrorTypes();
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

  /** The header names of the {@code apiKey} schemes the operation (or the document) requires, e.g. X-API-KEY. */
  private static List<String> apiKeyHeaders(JsonNode document) {
    JsonNode operation = document.path("paths").path(PATH).path("post");
    JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
    List<String> headers = new ArrayList<>();
    if (!security.isArray() || security.isEmpty()) {
      return headers;
    }
    for (JsonNode requirement : security) {
      if (requirement.isEmpty()) {
        return List.of(); // an empty requirement makes the key optional
      }
    }
    security.get(0).fieldNames().forEachRemaining(name -> {
      JsonNode scheme = document.path("components").path("securitySchemes").path(name);
      if ("apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText())) {
        headers.add(scheme.path("name").asText());
      }
    });
    return List.copyOf(headers);
  }

  /** Built on first use of {@link #bundled()}. */
  private static final class Bundled {
    static final SpecValidator VALIDATOR = new SpecValidator(SpecModel.bundled());
  }
}
