package io.github.unipilechat.errors;

/**
 * The request could not be completed over the network: see {@link RequestNotSentException} (nothing was sent)
 * and {@link OutcomeUnknownException} (sent, no answer).
 */
public class UnipileIOException extends UnipileException {
  private final int attempts;

  public UnipileIOException(String message, Throwable cause) {
    this(message, cause, 1);
  }

  public UnipileIOException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many times the request was tried, this failure included. */
  public int attempts() {
    return attempts;
  }
}
