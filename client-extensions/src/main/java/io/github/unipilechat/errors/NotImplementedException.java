package io.github.unipilechat.errors;

/** HTTP 501: Not Implemented: the feature is not available. Not retried. */
public final class NotImplementedException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public NotImplementedException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
