package io.github.unipilechat.errors;

/**
 * HTTP 500 (errors/unexpected_error, errors/provider_error, ...): the provider failed while handling the request,
 * possibly after the message went out. Never retried; see {@link OutcomeUnknown#HOW_TO_CHECK}.
 */
public final class InternalServerErrorException extends UnipileApiException implements OutcomeUnknown {
  private static final long serialVersionUID = 1L;

  public InternalServerErrorException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
