package io.github.unipilechat.errors;

/** HTTP 415: Unsupported Media Type: the provider rejected an attachment. Not retried. */
public final class UnsupportedMediaTypeException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public UnsupportedMediaTypeException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
