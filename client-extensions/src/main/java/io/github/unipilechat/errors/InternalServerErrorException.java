package io.github.unipilechat.errors;

/**
 * HTTP 500 (errors/unexpected_error, errors/provider_error, ...): the provider failed while handling the request,
 * possibly after the message went out. Never retried; see {@link OutcomeUnknown#HOW_TO_CHECK}.
 */
public final class InternalServerErrorException extends UnipileApiException implements OutcomeUnknown {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public InternalServerErrorException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
