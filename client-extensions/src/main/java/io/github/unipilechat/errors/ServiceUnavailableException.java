package io.github.unipilechat.errors;

/** HTTP 503: Service Unavailable: nothing was processed; retried as configured, honouring Retry-After; raised when retries are used up. */
public final class ServiceUnavailableException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public ServiceUnavailableException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
