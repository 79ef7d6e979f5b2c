package io.github.unipilechat.http;

/** The API key, kept out of every {@code toString()}, log line and exception message. */
public final class ApiKey {
  static final String REDACTED = "[redacted]";

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** Refuses an empty key and one that could split a header (CR, LF or other control characters). */
  public static ApiKey of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("apiKey: required (header X-API-KEY)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c > 0x7e) {
        // The position, never the value: the message must not carry the key.
        throw new IllegalArgumentException("apiKey: contains a control or non-ASCII character at index " + i
            + "; a header value cannot carry it");
      }
    }
    return new ApiKey(value);
  }

  String reveal() {
    return value;
  }

  /** True when {@code text} contains the key; lets callers scrub text that may echo it. */
  public boolean appearsIn(String text) {
    return text != null && text.contains(value);
  }

  /** {@code text} with every occurrence of the key replaced by {@code [redacted]}; null stays null. */
  public String scrub(String text) {
    return text == null || !text.contains(value) ? text : text.replace(value, REDACTED);
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
