package io.github.unipilechat.contract.mock;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Prefer} header, Stoplight Prism's convention for asking a mock for a given answer:
 * {@code Prefer: code=422, type=errors/no_connection_with_recipient, delay=2000}.
 */
record Prefer(Integer code, String type, Duration delay) {
  static final Duration MAX_DELAY = Duration.ofSeconds(60);
  static final Prefer NONE = new Prefer(null, null, Duration.ZERO);

  /** @throws IllegalArgumentException naming the part that does not parse */
  static Prefer parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    Integer code = null;
    String type = null;
    Duration delay = Duration.ZERO;
    for (String part : header.split("[,;]")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      String name = (eq < 0 ? trimmed : trimmed.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : trimmed.substring(eq + 1).trim().replace("\"", "");
      switch (name) {
        case "code" -> {
          long status = number(name, value);
          if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Prefer code must be an HTTP status between 100 and 599, got " + value);
          }
          code = (int) status;
        }
        case "type" -> type = value;
        case "delay" -> {
          long millis = number(name, value);
          if (millis < 0 || millis > MAX_DELAY.toMillis()) {
            throw new IllegalArgumentException("Prefer delay must be between 0 and " + MAX_DELAY.toMillis() + " ms, got " + value);
          }
          delay = Duration.ofMillis(millis);
        }
        default -> { } // other preferences (e.g. return=minimal) do not concern this mock
      }
    }
    if (type != null && code == null) {
      throw new IllegalArgumentException("Prefer type=" + type + " needs a code, e.g. code=422, type=" + type);
    }
    return new Prefer(code, type, delay);
  }

  Optional<Integer> status() {
    return Optional.ofNullable(code);
  }

  private static Long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Prefer " + name + " must be a whole number, got '" + value + "'");
    }
  }
}
