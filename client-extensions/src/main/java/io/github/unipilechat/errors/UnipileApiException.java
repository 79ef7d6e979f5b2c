package io.github.unipilechat.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.text.UntrustedText;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The provider answered with an error status. A subclass per status known when this SDK was written (see
 * {@link #of(ApiError, int)}), this class itself for a status the bundled spec documents beyond those, and
 * {@link UnexpectedStatusException} for a status the spec does not document. The message is one line naming the status and the type.
 */
public class UnipileApiException extends UnipileException {
  static final int TITLE_MAX = 160;
  static final int DETAIL_MAX = 300;
  static final int SNIPPET_MAX = 120;

  private static final long serialVersionUID = 2L;

  /** Rebuilt from the wire form on deserialization (okhttp's Headers and Jackson's tree are not all Serializable). */
  private transient ApiError error;
  private final int attempts;
  /** How messages call the operation that answered ({@code send-message-in-chat}); null when no one said. */
  private String operation;

  /** For the per-status subclasses: the answer as read, {@code attempts} counting this one. */
  protected UnipileApiException(ApiError error, int attempts) {
    super(message(error, attempts));
    this.error = error;
    this.attempts = attempts;
  }

  /**
   * The subclass for the answer's status, for an answer of no known operation: a status some operation of the
   * bundled spec documents is an API error, any other is unexpected. (The client itself knows each answer's
   * operation and calls {@link #of(ApiError, int, boolean, String)}.)
   */
  public static UnipileApiException of(ApiError error, int attempts) {
    return of(error, attempts, SpecModel.bundled().operations().all().stream()
        .anyMatch(operation -> operation.statuses().contains(error.status())));
  }

  /**
   * The subclass for the answer's status, for an operation that does or does not document it.
   *
   * @param documented whether the operation answered documents the status; if not, the answer is unexpected
   */
  public static UnipileApiException of(ApiError error, int attempts, boolean documented) {
    return of(error, attempts, documented, null);
  }

  /**
   * The subclass for the answer's status, for an operation that does or does not document it, its message naming
   * the operation.
   *
   * @param documented whether the operation answered documents the status; if not, the answer is unexpected
   * @param operation how the message calls the operation ({@code send-message-in-chat}), or null
   */
  public static UnipileApiException of(ApiError error, int attempts, boolean documented, String operation) {
    UnipileApiException exception = switchOnStatus(error, attempts, documented);
    exception.operation = operation;
    return exception;
  }

  private static UnipileApiException switchOnStatus(ApiError error, int attempts, boolean documented) {
    return switch (error.status()) {
      case 400 -> new BadRequestException(error, attempts);
      case 401 -> new UnauthorizedException(error, attempts);
      case 403 -> new ForbiddenException(error, attempts);
      case 404 -> new NotFoundException(error, attempts);
      case 415 -> new UnsupportedMediaTypeException(error, attempts);
      case 422 -> new UnprocessableEntityException(error, attempts);
      case 429 -> new TooManyRequestsException(error, attempts);
      case 500 -> new InternalServerErrorException(error, attempts);
      case 501 -> new NotImplementedException(error, attempts);
      case 503 -> new ServiceUnavailableException(error, attempts);
      case 504 -> new GatewayTimeoutException(error, attempts);
      // A status the spec documents but no subclass names yet (say a 409 added upstream) is an API error like the
      // others, with its status and type; only a status the spec does not document is "unexpected".
      default -> documented ? new UnipileApiException(error, attempts)
          : new UnexpectedStatusException(error, attempts);
    };
  }

  /** The answer's HTTP status. */
  public int status() {
    return error.status();
  }

  /** The error's {@code type}; {@link ErrorType#UNKNOWN} when the body carried none. */
  public ErrorType type() {
    return error.type();
  }

  /** The error body's {@code title}, when it had one. */
  public Optional<String> title() {
    return Optional.ofNullable(error.title());
  }

  /** The error body's {@code detail}, when it had one. */
  public Optional<String> detail() {
    return Optional.ofNullable(error.detail());
  }

  /** The error body's {@code instance}, when it had one. */
  public Optional<String> instance() {
    return Optional.ofNullable(error.instance());
  }

  /**
   * The body as received, at most its first {@link ApiError#BODY_LIMIT} bytes (see {@link #bodyTruncated()}), the
   * API key, if echoed (also JSON-escaped), replaced by {@code [redacted]}.
   */
  public String body() {
    return error.body();
  }

  /** True when the body was longer than {@link ApiError#BODY_LIMIT} and {@link #body()} holds only its start. */
  public boolean bodyTruncated() {
    return error.bodyTruncated();
  }

  /** The body parsed, when it was a JSON object. */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(error.json());
  }

  /** The answer's headers, the API key redacted from their values. */
  public Headers headers() {
    return error.headers();
  }

  /** The {@code Retry-After} the answer carried, when readable. */
  public Optional<Duration> retryAfter() {
    return error.retryAfter();
  }

  /** How many times the request was tried, this answer included. */
  public int attempts() {
    return attempts;
  }

  /** Everything read from the answer, as one value. */
  public ApiError error() {
    return error;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeInt(error.status());
    out.writeObject(error.body());
    out.writeBoolean(error.bodyTruncated());
    String[] headers = new String[error.headers().size() * 2];
    for (int i = 0; i < error.headers().size(); i++) {
      headers[2 * i] = error.headers().name(i);
      headers[2 * i + 1] = error.headers().value(i);
    }
    out.writeObject(headers);
    out.writeObject(error.retryAfter().orElse(null));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int status = in.readInt();
    String body = (String) in.readObject();
    boolean truncated = in.readBoolean();
    String[] pairs = (String[]) in.readObject();
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      headers.addUnsafeNonAscii(pairs[i], pairs[i + 1]);
    }
    Duration retryAfter = (Duration) in.readObject();
    // Already scrubbed when first read: the same text parsed again gives the same fields.
    this.error = ApiError.read(status, headers.build(), body, truncated, Optional.ofNullable(retryAfter), s -> s);
  }

  /** The message, naming the operation when the client said which one answered. */
  @Override
  public String getMessage() {
    return operation == null ? super.getMessage() : message(error, attempts, operation);
  }

  static String message(ApiError error, int attempts) {
    return message(error, attempts, "request");
  }

  static String message(ApiError error, int attempts, String operation) {
    StringBuilder m = new StringBuilder("Unipile ").append(operation).append(" failed: HTTP ").append(error.status());
    boolean outcomeUnknown = error.status() == 500 || error.status() == 504;
    if (error.json() != null) {
      m.append(' ').append(error.type()); // its toString: one line, bounded
      if (!error.type().raw().isEmpty() && !error.type().isKnown()) {
        m.append(" (type not in the spec)");
      }
      if (error.title() != null) {
        m.append(": ").append(UntrustedText.oneLine(error.title(), TITLE_MAX));
      }
      if (error.detail() != null && !error.detail().isBlank()) {
        m.append(" - ").append(UntrustedText.oneLine(error.detail(), DETAIL_MAX));
      }
      if (error.instance() != null && !error.instance().isBlank()) {
        m.append(" [instance ").append(UntrustedText.oneLine(error.instance(), TITLE_MAX)).append(']');
      }
    } else if (error.body().isBlank() && !error.bodyTruncated()) {
      m.append(" (no error type: empty body)");
    } else {
      m.append(" (no error type: body is not the provider's JSON: \"")
          .append(UntrustedText.oneLine(error.body(), SNIPPET_MAX)).append("\")");
    }
    if (error.bodyTruncated()) {
      m.append(" (body longer than ").append(ApiError.BODY_LIMIT >> 20).append(" MiB: cut, the rest unread)");
    }
    if (attempts > 1) {
      m.append(" (after ").append(attempts).append(" attempts)");
    }
    if (outcomeUnknown) {
      m.append("; ").append(OutcomeUnknown.HOW_TO_CHECK);
    }
    return m.toString();
  }
}
