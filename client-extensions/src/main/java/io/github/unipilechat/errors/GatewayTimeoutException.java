package io.github.unipilechat.errors;

/**
 * HTTP 504 (errors/request_timeout): the provider gave up waiting, possibly after the message went out. Never
 * retried; see {@link OutcomeUnknown#HOW_TO_CHECK}.
 */
public final class GatewayTimeoutException extends UnipileApiException implements OutcomeUnknown {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public GatewayTimeoutException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
