package io.github.unipilechat.errors;

/** HTTP 403: Forbidden: the account may not do this (errors/feature_not_subscribed, errors/account_restricted, ...). Not retried. */
public final class ForbiddenException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
