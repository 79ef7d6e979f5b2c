package io.github.unipilechat.errors;

/** HTTP 429: Too Many Requests: retried as configured, honouring Retry-After; raised when retries are used up. */
public final class TooManyRequestsException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public TooManyRequestsException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
