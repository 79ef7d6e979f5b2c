package io.github.unipilechat.errors;

/** HTTP 501: Not Implemented: the feature is not available. Not retried. */
public final class NotImplementedException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public NotImplementedException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
