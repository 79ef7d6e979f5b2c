package io.github.unipilechat.errors;

/**
 * The request was sent but no answer came (read or call timeout, connection dropped after sending): the message
 * may have gone out. Never retried automatically; see {@link OutcomeUnknown#HOW_TO_CHECK}.
 */
public final class OutcomeUnknownException extends UnipileIOException implements OutcomeUnknown {
  private static final long serialVersionUID = 1L;

  /** A call that was sent and got no usable answer after {@code attempts} attempts; {@code cause} may be null. */
  public OutcomeUnknownException(String message, Throwable cause, int attempts) {
    super(message, cause, attempts);
  }
}
