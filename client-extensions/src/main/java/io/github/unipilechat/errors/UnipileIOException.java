package io.github.unipilechat.errors;

/** The request could not be completed over the network. */
public class UnipileIOException extends UnipileException {
  public UnipileIOException(String message, Throwable cause) {
    super(message, cause);
  }
}
