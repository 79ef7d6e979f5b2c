package io.github.unipilechat.errors;

/** HTTP 403: Forbidden: the account may not do this (errors/feature_not_subscribed, errors/account_restricted, ...). Not retried. */
public final class ForbiddenException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public ForbiddenException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
