package io.github.unipilechat.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks pacts against the provider's OpenAPI document, the way the provider would read them: every HTTP
 * interaction's request (method, path, {@code X-API-KEY}, the multipart fields decoded with the shared
 * {@link io.github.unipilechat.contract.multipart.BracketDecoder} into the request's JSON shape) and response
 * (status, content type, body) goes through the project's {@link SpecValidator}. Each violation names the
 * interaction, the field and the rule.
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

  /** The request of one interaction (or one captured live request). */
  public List<PactViolation> verifyRequest(String interaction, PactFile.Message request) {
    List<PactViolation> violations = new ArrayList<>();
    Optional<PactViolation> operation = operation(interaction, request);
    if (operation.isPresent()) {
      violations.add(operation.get());
      return violations; // nothing in the spec to check the rest against
    }
    Optional<String> key = request.header(API_KEY_HEADER);
    boolean keyPresent = key.isPresent() && !key.get().isBlank();
    if (request.body().isEmpty()) {
      violations.add(request(interaction, "body", "required (requestBody.required: " + MULTIPART + ")"));
      return violations;
    }
    Optional<PactViolation> unfit = contentType(interaction, request);
    if (unfit.isPresent()) {
      violations.add(unfit.get());
      return violations;
    }
    List<MultipartFields.Field> parts;
    try {
      parts = MultipartFields.read(request.body().get(), sentType(request).orElseThrow());
    } catch (IOException e) {
      violations.add(request(interaction, "body", "unreadable " + MULTIPART + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
      return violations;
    }
    List<ReceivedField> received = parts.stream().map(PactSpecVerifier::received).toList();
    DecodedRequest decoded = spec.decoder().decode(received);
    for (Violation violation : spec.validateRequest(decoded, keyPresent).accepting(acceptNotDescribed).violations()) {
      violations.add(of(interaction, "request", violation));
    }
    return violations;
  }

  /** The response of one interaction, checked against the responses the spec documents for the operation. */
  public List<PactViolation> verifyResponse(String interaction, PactFile.Message request,
      PactFile.Message response) {
    List<PactViolation> violations = new ArrayList<>();
    if (operation(interaction, request).isPresent()) {
      return violations; // already reported on the request side
    }
    for (Violation violation : spec.validateResponse(response.status(), response.mediaType().orElse(null),
        response.bodyText().orElse(null)).accepting(acceptNotDescribed).violations()) {
      violations.add(of(interaction, "response", violation));
    }
    return violations;
  }

  /**
   * The Content-Type the request is sent with (its header; a V4 body's own type when there is no header) against
   * what the body is: multipart/form-data, with the boundary the body's delimiter lines use. The body's own type in
   * a pact is a note beside the body; the provider reads only the header.
   */
  private static Optional<PactViolation> contentType(String interaction, PactFile.Message request) {
    Optional<String> header = request.header("Content-Type");
    Optional<String> sent = sentType(request);
    if (sent.isEmpty() || !essence(sent.get()).equals(MULTIPART)) {
      return Optional.of(request(interaction, "header Content-Type", sent.map(PactSpecVerifier::shown).orElse("(none)")
          + " is not " + MULTIPART + ", the only request content the spec allows"));
    }
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

  /** The request's method and path must name an operation of the document. */
  private Optional<PactViolation> operation(String interaction, PactFile.Message request) {
    String path = request.path() == null ? "" : request.path();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    JsonNode item = spec.document().path("paths").path(path);
    if (item.isMissingNode()) {
      return Optional.of(request(interaction, "path", path + " is not in the spec (paths: "
          + String.join(", ", iterable(spec.document().path("paths").fieldNames())) + ")"));
    }
    String method = request.method() == null ? "" : request.method().toLowerCase(Locale.ROOT);
    if (item.path(method).isMissingNode()) {
      return Optional.of(request(interaction, "method", request.method() + " " + path + " is not in the spec"));
    }
    return Optional.empty();
  }

  private static ReceivedField received(MultipartFields.Field field) {
    return field.isFile()
        ? new ReceivedField.File(field.name(), field.fileName().orElse(""), field.contentType().orElse(null),
            field.bytes().length)
        : new ReceivedField.Text(field.name(), field.text());
  }

  private static PactViolation of(String interaction, String side, Violation violation) {
    String field = violation.field();
    String location;
    if (field == null || field.isEmpty() || field.equals(side)) {
      location = "body";
    } else if (field.startsWith("header ") || field.equals("status") || field.equals("body")) {
      location = field;
    } else if (field.equalsIgnoreCase(API_KEY_HEADER)) {
      location = "header " + API_KEY_HEADER;
    } else {
      location = "field " + field;
    }
    return new PactViolation(interaction, side, location, violation.rule(), violation.kind());
  }

  private static PactViolation request(String interaction, String location, String rule) {
    return new PactViolation(interaction, "request", location, rule);
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
