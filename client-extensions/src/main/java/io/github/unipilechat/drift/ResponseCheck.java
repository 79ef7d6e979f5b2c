package io.github.unipilechat.drift;

import java.util.Locale;

/**
 * How the client treats an answer that differs from the responses the bundled spec documents (status, content type,
 * body shape, enum values, fields the spec does not describe). Set on the client's builder and per call.
 */
public enum ResponseCheck {
  /** No check: answers are read as before. */
  OFF,
  /**
   * The default: each distinct difference is logged once per client at SLF4J WARN and given to the
   * {@link DriftListener}; the call's result is unchanged.
   */
  WARN,
  /**
   * As {@link #WARN}, and a differing 201 raises {@link ResponseDriftException} carrying the {@code ChatStarted} it
   * got (the chat <em>was</em> started); an error answer raises its usual exception with a
   * {@link ResponseDriftException} attached as suppressed (see {@link ResponseDriftException#findingsOf(Throwable)}).
   */
  FAIL;

  /** {@code off}, {@code warn} or {@code fail}, in any case (the CLI's spelling). */
  public static ResponseCheck parse(String value) {
    for (ResponseCheck level : values()) {
      if (level.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return level;
      }
    }
    throw new IllegalArgumentException("check-response: expected off, warn or fail");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
