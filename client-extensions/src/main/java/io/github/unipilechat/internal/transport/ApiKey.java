package io.github.unipilechat.internal.transport;

import io.github.unipilechat.internal.text.KeySpellings;

/** The API key, kept out of every {@code toString()}, log line and exception message. */
public final class ApiKey {
  static final String REDACTED = KeySpellings.REDACTED;

  private final String value;
  /** Every spelling of the key, worked out once: scrubbing runs on every answer. */
  private final KeySpellings spellings;

  private ApiKey(String value) {
    this.value = value;
    this.spellings = new KeySpellings(value);
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
   * {@code text} with every spelling of the key replaced by {@code [redacted]}: the key itself, the key without a
   * trailing {@code =} padding, its base64 (standard or URL-safe, padded or not, alone or inside a longer base64
   * value), each as is or written with JSON escapes ({@code sk\/live}, {@code \u0073k-live}) or URL escapes
   * ({@code sk%2Flive}, {@code +} for a space), in any letter case of the hex digits. The same instance when
   * there is nothing to redact; null stays null.
   */
  public String scrub(String text) {
    return spellings.scrub(text);
  }

  /** True when {@code text} holds the key in any spelling {@link #scrub} redacts. */
  public boolean foundIn(String text) {
    return spellings.foundIn(text);
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
