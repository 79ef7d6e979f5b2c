package io.github.unipilechat.errors;

/** HTTP 400: Bad Request: the request was malformed or too long (errors/invalid_parameters, errors/too_many_characters, ...). Not retried. */
public final class BadRequestException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
