package io.github.unipilechat.cli;

import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failure into one line on stderr and an exit code; a stack trace only with {@code --verbose}. */
final class Failures implements IExecutionExceptionHandler {
  private final Console console;

  Failures(Console console) {
    this.console = console;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    console.err().println("error: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
    if (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose")) {
      e.printStackTrace(console.err());
    }
    return exitCode(e);
  }

  static int exitCode(Exception e) {
    if (e instanceof InvalidRequestException || e instanceof IllegalArgumentException) {
      return ExitCodes.INVALID_INPUT;
    }
    // A 201 that differs from the spec: started, so neither "not sent" nor "outcome unknown". An error answer that
    // differs keeps its own code (a 500 must still say "may have been sent"); stderr shows the drift.
    if (e instanceof ResponseDriftException) {
      return ExitCodes.RESPONSE_DRIFT;
    }
    // Checked before the API error: a 500 or 504 is both, and "may have been sent" is what a script must know.
    if (e instanceof UnipileException u && u.mayHaveBeenSent()) {
      return ExitCodes.OUTCOME_UNKNOWN;
    }
    if (e instanceof UnipileApiException) {
      return ExitCodes.API_ERROR;
    }
    if (e instanceof UnipileException) {
      return ExitCodes.NOT_SENT;
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  private static String oneLine(String message) {
    return message.replace('\r', ' ').replace('\n', ' ');
  }
}
