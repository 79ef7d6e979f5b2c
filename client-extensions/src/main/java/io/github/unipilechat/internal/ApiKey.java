package io.github.unipilechat.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** The API key, kept out of every {@code toString()}, log line and exception message. */
public final class ApiKey {
  static final String REDACTED = "[redacted]";

  private final String value;
  /** The key as JSON may spell it: each character literal, {@code \\uXXXX}, or (for / " \\) backslash-escaped. */
  private final Pattern spelled;

  private ApiKey(String value) {
    this.value = value;
    this.spelled = spellings(value);
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

  /**
   * {@code text} with every occurrence of the key replaced by {@code [redacted]}, whether literal or spelled with
   * JSON escapes ({@code sk\/live}, {@code \u0073k-live}), so it cannot reappear once the text is decoded; null
   * stays null.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String literal = text.replace(value, REDACTED);
    return literal.indexOf('\\') < 0 ? literal : spelled.matcher(literal).replaceAll(REDACTED);
  }

  private static Pattern spellings(String key) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      regex.append("(?:").append(Pattern.quote(String.valueOf(c)))
          .append("|\\\\u(?i:").append(String.format(Locale.ROOT, "%04x", (int) c)).append(')');
      if (c == '/' || c == '"' || c == '\\') {
        regex.append("|\\\\").append(Pattern.quote(String.valueOf(c)));
      }
      regex.append(')');
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
