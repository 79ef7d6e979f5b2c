package io.github.unipilechat.errors;

import java.util.Optional;

/**
 * HTTP 401: the key or the account's credentials were refused (errors/disconnected_account,
 * errors/invalid_credentials, ...). Not retried. May carry the account's IMAP/SMTP {@link ConnectionParams}.
 */
public final class UnauthorizedException extends UnipileApiException {
  private static final long serialVersionUID = 1L;

  private final ConnectionParams connectionParams;

  /** The provider's answer, as read; {@code attempts} counts this one. Raised by the client; public for tests of code that handles it. */
  public UnauthorizedException(ApiError error, int attempts) {
    super(error, attempts);
    this.connectionParams = error.json() == null ? null
        : ConnectionParams.from(error.json().get("connectionParams")).orElse(null);
  }

  /** The {@code connectionParams} of the answer, when present. */
  public Optional<ConnectionParams> connectionParams() {
    return Optional.ofNullable(connectionParams);
  }
}
