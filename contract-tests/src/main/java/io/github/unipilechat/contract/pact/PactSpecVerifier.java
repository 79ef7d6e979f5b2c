package io.github.unipilechat.contract.pact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.ReceivedRequest;
import io.github.unipilechat.contract.spec.Route;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks pacts against the provider's OpenAPI document, the way the provider would read them: each HTTP interaction is
 * matched to its operation by method and path template, and its request (credentials, parameters, content type, the
 * body decoded by its media type: multipart fields with the shared
 * {@link io.github.unipilechat.contract.multipart.BracketDecoder}, JSON as sent) and response (status, content type,
 * body) are judged against that operation by the project's {@link SpecValidator}. Each violation names the
 * interaction, the field and the rule; "not in the spec" is for a path no operation has, or a method its path lacks.
 */
public final class PactSpecVerifier {
  static final String API_KEY_HEADER = "X-API-KEY";
  static final String MULTIPART = "multipart/form-data";
  /** The longest pact value a violation quotes: a boundary is at most 70 characters (RFC 2046). */
  private static final int SHOWN_MAX = 80;

  private final SpecValidator spec;
  private final boolean acceptNotDescribed;

  /** Checks against {@code spec}, refusing what it does not describe. */
  public PactSpecVerifier(SpecValidator spec) {
    this(spec, false);
  }

  private PactSpecVerifier(SpecValidator spec, boolean acceptNotDescribed) {
    this.spec = spec;
    this.acceptNotDescribed = acceptNotDescribed;
  }

  /**
   * This verifier, accepting (true) or refusing (false, the default) what the spec does not describe: fields no
   * schema lists, keys of another LinkedIn shape, a value fitting several {@code anyOf} branches. The same switch as
   * the client's {@code StartChatRequest.Builder.acceptNotDescribed} and the mock's.
   */
  public PactSpecVerifier acceptNotDescribed(boolean accept) {
    return new PactSpecVerifier(spec, accept);
  }

  /** Against the spec bundled with the SDK (the provider's document, verbatim). */
  public static PactSpecVerifier bundled() {
    return new PactSpecVerifier(SpecValidator.bundled());
  }

  /** Against another copy of the provider's document. */
  public static PactSpecVerifier forSpec(Path spec) {
    return new PactSpecVerifier(SpecValidator.fromFile(spec));
  }

  /** Every violation of every HTTP interaction of the pact file; empty when it conforms. */
  public List<PactViolation> verify(Path pactFile) throws IOException {
    return verify(PactFile.read(pactFile));
  }

  /** Every violation of every HTTP interaction, in the pact's order; empty when the pact conforms. */
  public List<PactViolation> verify(PactFile pact) {
    List<PactViolation> violations = new ArrayList<>();
    for (PactFile.Interaction interaction : pact.interactions()) {
      violations.addAll(verifyRequest(interaction.description(), interaction.request()));
      violations.addAll(verifyResponse(interaction.description(), interaction.request(), interaction.response()));
    }
    return violations;
  }

  /**
   * The request of one interaction (or one captured live request), judged against the operation its method and path
   * reach: what the operation requires above the body, then the body decoded by its media type (multipart by the
   * shared {@link io.github.unipilechat.contract.multipart.BracketDecoder}, JSON as sent).
   */
  public List<PactViolation> verifyRequest(String interaction, PactFile.Message request) {
    List<PactViolation> violations = new ArrayList<>();
    String path = path(request);
    Route route = spec.route(request.method() == null ? "" : request.method(), path);
    if (route instanceof Route.NotFound) {
      violations.add(request(interaction, "path", path + " is not in the spec (paths: " + paths() + ")"));
      return violations; // nothing in the spec to check the rest against
    }
    if (route instanceof Route.MethodNotAllowed notAllowed) {
      violations.add(request(interaction, "method", request.method() + " " + path
          + " is not in the spec (the path has " + String.join(", ", notAllowed.allowed()) + ")"));
      return violations;
    }
    Route.Found found = (Route.Found) route;
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    Optional<String> mediaType = sentType(request);
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
    mediaType.ifPresent(type -> headers.put("Content-Type", List.of(type)));
    ReceivedRequest received = new ReceivedRequest(found.method(), path, request.query(), headers);
    DecodedRequest body = null;
    if (request.body().isPresent() && request.body().get().length > 0) {
      String essence = mediaType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
      boolean declared = spec.requestMediaTypes(found.operationId()).stream()
          .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(essence));
      if (declared && essence.startsWith("multipart/")) {
        Optional<PactViolation> unfit = framing(interaction, request);
        if (unfit.isPresent()) {
          violations.add(unfit.get());
          return violations;
        }
        try {
          body = spec.decoder(found.operationId()).decode(
              MultipartFields.read(request.body().get(), mediaType.get()).stream().map(PactSpecVerifier::received).toList());
        } catch (IOException e) {
          violations.add(request(interaction, "body", "unreadable " + essence + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
          return violations;
        }
      } else if (declared && (essence.equals("application/json") || essence.endsWith("+json"))) {
        body = SpecValidator.decodeJson(request.body().get());
      } else {
        body = new DecodedRequest(JsonNodeFactory.instance.objectNode(), List.of(), List.of()); // there, not read
      }
    }
    Map<String, String> parameters = spec.parameters(found.operationId());
    for (Violation violation : spec.validateRequest(found, received, body).accepting(acceptNotDescribed).violations()) {
      violations.add(of(interaction, "request", violation, parameters));
    }
    return violations;
  }

  /** The response of one interaction, checked against the responses its own operation documents. */
  public List<PactViolation> verifyResponse(String interaction, PactFile.Message request,
      PactFile.Message response) {
    List<PactViolation> violations = new ArrayList<>();
    Route route = spec.route(request.method() == null ? "" : request.method(), path(request));
    if (!(route instanceof Route.Found found)) {
      return violations; // already reported on the request side
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
    for (Violation violation : spec.validateResponse(found, response.status(), response.mediaType().orElse(null),
        headers, response.bodyText().orElse(null)).accepting(acceptNotDescribed).violations()) {
      violations.add(of(interaction, "response", violation, Map.of()));
    }
    return violations;
  }

  /**
   * A multipart request's Content-Type (its header; a V4 body's own type when there is no header) against what the
   * body is: the boundary the body's delimiter lines use. The body's own type in a pact is a note beside the body;
   * the provider reads only the header. (Whether the operation takes multipart at all is the OpenAPI layer's check.)
   */
  private static Optional<PactViolation> framing(String interaction, PactFile.Message request) {
    Optional<String> header = request.header("Content-Type");
    Optional<String> sent = sentType(request);
    Optional<String> declared = request.contentType();
    if (header.isPresent() && declared.isPresent() && !essence(declared.get()).equals(MULTIPART)) {
      return Optional.of(request(interaction, "body", "is " + shown(declared.get()) + ", not the " + MULTIPART
          + " its Content-Type header says"));
    }
    Optional<String> boundary = MultipartFields.boundary(sent.get());
    if (boundary.isEmpty()) {
      return Optional.of(request(interaction, "header Content-Type", shown(sent.get()) + " has no boundary: the"
          + " provider cannot find the body's parts"));
    }
    byte[] body = request.body().orElseThrow();
    Optional<String> declaredBoundary = declared.flatMap(MultipartFields::boundary);
    if (declaredBoundary.isPresent() && !declaredBoundary.equals(boundary)
        || !MultipartFields.uses(body, boundary.get())) {
      String used = declaredBoundary.filter(b -> !b.equals(boundary.get()))
          .or(() -> MultipartFields.firstBoundary(body)).map(b -> "'" + shown(b) + "'").orElse("none found");
      return Optional.of(request(interaction, "header Content-Type", "boundary mismatch: the Content-Type header's"
          + " boundary is not the one the body uses (header: '" + shown(boundary.get()) + "', body: " + used + ")"));
    }
    return Optional.empty();
  }

  /** The type the request goes out with: its Content-Type header, else (V4) its body's own type. */
  private static Optional<String> sentType(PactFile.Message request) {
    return request.header("Content-Type").or(request::contentType);
  }

  private static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** A value from the pact, cut to a line's worth; {@link PactViolation} escapes what it prints. */
  private static String shown(String value) {
    return value.length() <= SHOWN_MAX ? value : value.substring(0, SHOWN_MAX) + "...";
  }

  private static String path(PactFile.Message request) {
    String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
    int query = path.indexOf('?');
    return query >= 0 ? path.substring(0, query) : path;
  }

  /** The document's paths, for a path it lacks (at most a dozen, so a report stays readable). */
  private String paths() {
    List<String> all = new ArrayList<>();
    spec.document().path("paths").fieldNames().forEachRemaining(all::add);
    return all.size() <= 12 ? String.join(", ", all)
        : String.join(", ", all.subList(0, 12)) + " and " + (all.size() - 12) + " more";
  }

  private static ReceivedField received(MultipartFields.Field field) {
    return field.isFile()
        ? new ReceivedField.File(field.name(), field.fileName().orElse(""), field.contentType().orElse(null),
            field.bytes().length)
        : new ReceivedField.Text(field.name(), field.text());
  }

  private static PactViolation of(String interaction, String side, Violation violation, Map<String, String> parameters) {
    String field = violation.field();
    String location;
    if (field == null || field.isEmpty() || field.equals(side)) {
      location = "body";
    } else if (field.startsWith("header ") || field.equals("status") || field.equals("body")) {
      location = field;
    } else if (field.equalsIgnoreCase(API_KEY_HEADER)) {
      location = "header " + API_KEY_HEADER;
    } else if (parameters.containsKey(field)) {
      location = parameters.get(field).equals("header") ? "header " + field : parameters.get(field) + " parameter " + field;
    } else if (violation.rule().endsWith(" parameter)") || violation.rule().startsWith("is not a parameter of")) {
      location = "parameter " + field;
    } else {
      location = "field " + field;
    }
    return new PactViolation(interaction, side, location, violation.rule(), violation.kind());
  }

  private static PactViolation request(String interaction, String location, String rule) {
    return new PactViolation(interaction, "request", location, rule);
  }
}
