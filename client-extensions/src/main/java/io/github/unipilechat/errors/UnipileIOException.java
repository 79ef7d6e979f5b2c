package io.github.unipilechat.errors;

/**
 * The request could not be completed over the network: see {@link RequestNotSentException} (nothing was sent)
 * and {@link OutcomeUnknownException} (sent, no answer).
 */
public class UnipileIOException extends UnipileException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * For the two kinds above.
   *
   * @param message what failed, the API key already removed
   * @param cause the network failure, or null
   * @param attempts how many times the request was tried, this failure included
   */
  protected UnipileIOException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many times the request was tried, this failure included. */
  public int attempts() {
    return attempts;
  }
}
