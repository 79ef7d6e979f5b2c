package io.github.unipilechat.errors;

/** HTTP 415: Unsupported Media Type: the provider rejected an attachment. Not retried. */
public final class UnsupportedMediaTypeException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  public UnsupportedMediaTypeException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
