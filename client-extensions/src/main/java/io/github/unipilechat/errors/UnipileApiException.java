package io.github.unipilechat.errors;

/** The provider answered with an error status. */
public class UnipileApiException extends UnipileException {
  private final int status;
  private final String body;

  public UnipileApiException(int status, String body) {
    super("Unipile API error: HTTP " + status);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
