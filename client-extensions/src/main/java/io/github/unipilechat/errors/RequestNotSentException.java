package io.github.unipilechat.errors;

/**
 * The network failed before any byte of the request was sent (connection refused, unknown host, connect or TLS
 * failure): the provider received nothing, so sending again is safe. Already retried as configured.
 */
public final class RequestNotSentException extends UnipileIOException {
  private static final long serialVersionUID = 1L;

  /** A call that failed before any byte was sent, after {@code attempts} attempts. */
  public RequestNotSentException(String message, Throwable cause, int attempts) {
    super(message, cause, attempts);
  }
}
