package io.github.unipilechat.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.internal.text.UntrustedText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.Headers;

/**
 * An error answer as read from the wire: status, the parsed fields of the provider's error JSON when the body is
 * that JSON, the raw body and headers. Every text has already passed the scrubber (the API key removed).
 *
 * @param json the parsed body when it was a JSON object, else null
 * @param retryAfter the {@code Retry-After} delay when the answer carried a readable one
 * @param bodyTruncated true when the body was longer than the client reads ({@link #BODY_LIMIT}) and was cut
 */
public record ApiError(int status, ErrorType type, String title, String detail, String instance, String body,
    Headers headers, JsonNode json, Optional<Duration> retryAfter, boolean bodyTruncated) {
  /** The most of an error body the client reads (1 MiB); the rest is left unread. */
  public static final int BODY_LIMIT = 1 << 20;

  /** The most of each text field {@link #toString()} shows. */
  private static final int SHOWN_MAX = 160;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ApiError {
    Objects.requireNonNull(type, "type");
    body = body == null ? "" : body;
    headers = headers == null ? Headers.of() : headers;
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }

  /**
   * Reads an error answer; any body is accepted (JSON, HTML, empty, truncated).
   *
   * @param scrub applied to the body and every header value before anything is kept (removes the API key)
   */
  public static ApiError read(int status, Headers headers, String body, Optional<Duration> retryAfter,
      UnaryOperator<String> scrub) {
    return read(status, headers, body, false, retryAfter, scrub);
  }

  /**
   * {@link #read(int, Headers, String, Optional, UnaryOperator)} for a body that may have been cut at
   * {@link #BODY_LIMIT}. The decoded fields are scrubbed again after parsing, so a key the body spelled with JSON
   * escapes cannot reappear once decoded.
   */
  public static ApiError read(int status, Headers headers, String body, boolean bodyTruncated,
      Optional<Duration> retryAfter, UnaryOperator<String> scrub) {
    String safeBody = scrub.apply(body == null ? "" : body);
    Headers.Builder safeHeaders = new Headers.Builder();
    if (headers != null) {
      for (int i = 0; i < headers.size(); i++) {
        safeHeaders.addUnsafeNonAscii(headers.name(i), scrub.apply(headers.value(i)));
      }
    }
    JsonNode json = parse(safeBody);
    ErrorType type = ErrorType.UNKNOWN;
    String title = null;
    String detail = null;
    String instance = null;
    if (json != null) {
      type = ErrorType.of(scrub.apply(text(json, "type")));
      title = scrub.apply(text(json, "title"));
      detail = scrub.apply(text(json, "detail"));
      instance = scrub.apply(text(json, "instance"));
    }
    return new ApiError(status, type, title, detail, instance, safeBody, safeHeaders.build(), json, retryAfter,
        bodyTruncated);
  }

  /**
   * One line for a log: the status, the type, title, detail and instance each bounded like a message shows them,
   * and only the length of the body and the number of headers (either may be a megabyte of anything).
   */
  @Override
  public final String toString() {
    return "ApiError[status=" + status + ", type=" + type + ", title=" + shown(title) + ", detail=" + shown(detail)
        + ", instance=" + shown(instance) + ", body=" + body.length() + " chars" + (bodyTruncated ? " (cut)" : "")
        + ", headers=" + headers.size() + ", retryAfter=" + retryAfter.map(Duration::toString).orElse("none") + "]";
  }

  private static String shown(String text) {
    return text == null ? "none" : "\"" + UntrustedText.oneLine(text, SHOWN_MAX) + "\"";
  }

  private static JsonNode parse(String body) {
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(trimmed);
      return node != null && node.isObject() ? node : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
