package io.github.unipilechat.errors;

/** HTTP other: Any status the spec does not document for this endpoint (a proxy's 502, a redirect left unfollowed, ...). Not retried. */
public final class UnexpectedStatusException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public UnexpectedStatusException(ApiError error, int attempts) {
    super(error, attempts);
  }
}
