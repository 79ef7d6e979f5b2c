package io.github.unipilechat.cli;

import io.github.unipilechat.contract.internal.Printable;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a failure into one line on stderr and an exit code; a stack trace only with {@code --verbose}. Every
 * failure that is not the API's answer or the network's is local: exit 2, nothing sent. No argument value is
 * echoed for a bad command line (a mistyped {@code --apikey SECRET} must not print the secret).
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,40}");

  private final Console console;

  Failures(Console console) {
    this.console = console;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    ParseResult sub = parsed.subcommand() != null ? parsed.subcommand() : parsed;
    String message = e.getMessage() == null ? e.getClass().getSimpleName()
        : e instanceof UnipileException || e instanceof IllegalArgumentException ? e.getMessage()
        : e.getMessage() + " (" + e.getClass().getSimpleName() + ")";
    Secrets secrets = Secrets.of(sub.matchedOptionValue("--api-key", (String) null), console);
    console.err().println("error: " + oneLine(secrets.scrub(message)));
    if (sub.hasMatchedOption("--verbose")) {
      // The trace repeats every message in the chain: the same net as the line above.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      console.err().print(secrets.scrub(trace.toString()));
      console.err().flush();
    }
    return exitCode(e);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    console.err().println("error: " + oneLine(withoutValues(e)) + "; see '"
        + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
    return ExitCodes.INVALID_INPUT;
  }

  static int exitCode(Exception e) {
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
    if (e instanceof UnipileException && !(e instanceof InvalidRequestException)) {
      return ExitCodes.NOT_SENT;
    }
    // Refused input, a file that cannot be read, a bad option value, or any other local failure: nothing was
    // sent. Never picocli's default of 1, which means "the API answered with an error".
    return ExitCodes.INVALID_INPUT;
  }

  /** The parse error with no argument value in it: option names only (valid-looking ones), values hidden. */
  static String withoutValues(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> names = new ArrayList<>();
      int hidden = 0;
      for (String arg : unmatched.getUnmatched()) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (OPTION_NAME.matcher(name).matches()) {
          names.add("'" + name + "'");
        } else {
          hidden++;
        }
      }
      StringBuilder m = new StringBuilder(names.isEmpty() ? "unexpected argument"
          : "unknown option" + (names.size() > 1 ? "s " : " ") + String.join(", ", names));
      if (hidden > 0 || names.size() < unmatched.getUnmatched().size()) {
        m.append(" (argument values are not shown)");
      }
      if (!unmatched.getSuggestions().isEmpty()) {
        m.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
      }
      return m.toString();
    }
    String message = e.getMessage() == null ? "bad command line" : e.getMessage();
    String value = e.getValue();
    return value == null || value.isEmpty() ? message : message.replace(value, "(value not shown)");
  }

  /**
   * One line of the terminal: line breaks become spaces (a long message stays readable) and every other control
   * character is escaped, so an echoed name or value can neither start a fake line nor send ESC sequences.
   */
  private static String oneLine(String message) {
    return Printable.of(message.replace('\r', ' ').replace('\n', ' '));
  }
}
