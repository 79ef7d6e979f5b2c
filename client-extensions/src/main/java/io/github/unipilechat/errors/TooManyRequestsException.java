package io.github.unipilechat.errors;

/** HTTP 429: Too Many Requests: retried as configured, honouring Retry-After; raised when retries are used up. */
public final class TooManyRequestsException extends UnipileApiException {
  public TooManyRequestsException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
