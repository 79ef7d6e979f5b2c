package io.github.unipilechat.errors;

/** HTTP 404: Not Found: the account or a resource does not exist. Not retried. */
public final class NotFoundException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public NotFoundException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
