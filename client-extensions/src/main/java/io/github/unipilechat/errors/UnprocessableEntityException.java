package io.github.unipilechat.errors;

/** HTTP 422: Unprocessable Entity: the provider refused the message (errors/no_connection_with_recipient, errors/cannot_resend_yet, ...). Not retried. */
public final class UnprocessableEntityException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public UnprocessableEntityException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
