package io.github.unipilechat.errors;

/**
 * Root of every exception this client throws; catch it to handle them all. Unchecked.
 *
 * <ul>
 *   <li>{@link InvalidRequestException}: refused before anything was sent.</li>
 *   <li>{@link RequestNotSentException}: the network failed before any byte of the request left.</li>
 *   <li>{@link OutcomeUnknownException}: the request was sent but no answer came; see {@link OutcomeUnknown}.</li>
 *   <li>{@link UnipileApiException} and one subclass per documented status: the provider answered with an error.</li>
 * </ul>
 *
 * <p>Messages are one line and never carry the API key.
 */
public class UnipileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message} (never holding the API key). */
  public UnipileException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public UnipileException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * True when the message may have gone out although this exception was raised (timeout after sending, dropped
   * connection, HTTP 500 or 504): check before sending again, see {@link OutcomeUnknown#HOW_TO_CHECK}.
   */
  public boolean mayHaveBeenSent() {
    return this instanceof OutcomeUnknown;
  }
}
