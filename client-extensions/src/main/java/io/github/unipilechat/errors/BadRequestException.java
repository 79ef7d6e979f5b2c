package io.github.unipilechat.errors;

/** HTTP 400: Bad Request: the request was malformed or too long (errors/invalid_parameters, errors/too_many_characters, ...). Not retried. */
public final class BadRequestException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public BadRequestException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
