package io.github.unipilechat.cli;

/** What the process's exit status means, so scripts can branch on it. */
final class ExitCodes {
  static final int OK = 0;
  /** The API answered with an error status. */
  static final int API_ERROR = 1;
  /** Bad command line or refused input: nothing was sent. */
  static final int INVALID_INPUT = 2;
  /** The network failed before the request left: certainly not sent, safe to run again. */
  static final int NOT_SENT = 3;
  /** Sent, but no clear answer (timeout, dropped connection, 500, 504): the message may have gone out. */
  static final int OUTCOME_UNKNOWN = 4;
  /** {@code --check-response fail}: the answer differs from the spec (after a 201 the chat WAS started). */
  static final int RESPONSE_DRIFT = 5;
  /**
   * The {@code ./unipile-chat} script could not start the command (no Java, or the build failed); the command line
   * itself never exits with it, so a script can tell the two apart.
   */
  static final int LAUNCHER_FAILED = 6;

  private ExitCodes() {}
}
