package io.github.unipilechat.errors;

/** HTTP 404: Not Found: the account or a resource does not exist. Not retried. */
public final class NotFoundException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
