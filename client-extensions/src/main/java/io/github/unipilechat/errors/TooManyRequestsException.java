package io.github.unipilechat.errors;

/** HTTP 429: Too Many Requests: retried as configured, honouring Retry-After; raised when retries are used up. */
public final class TooManyRequestsException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public TooManyRequestsException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
