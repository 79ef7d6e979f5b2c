package io.github.unipilechat.errors;

/** Root of every exception this client throws; catch it to handle them all. */
public class UnipileException extends RuntimeException {
  public UnipileException(String message) {
    super(message);
  }

  public UnipileException(String message, Throwable cause) {
    super(message, cause);
  }
}
