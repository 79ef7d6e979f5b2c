package io.github.unipilechat.cli;

import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.DriftListener;
import io.github.unipilechat.drift.ResponseCheck;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --check-response off|warn|fail}, and the stderr lines its warnings become. */
final class CheckResponseOption implements ITypeConverter<ResponseCheck> {
  @Override
  public ResponseCheck convert(String value) {
    try {
      return ResponseCheck.parse(value);
    } catch (IllegalArgumentException e) {
      // Never echo the value: a mistyped option may hold a secret.
      throw new TypeConversionException("expected off, warn or fail");
    }
  }

  /** Prints each distinct difference once, one line each, on the command's stderr. */
  static final class DriftLines implements DriftListener {
    private final PrintStream err;
    private final Secrets secrets;
    private final Set<DriftFinding> printed = ConcurrentHashMap.newKeySet();

    DriftLines(PrintStream err, Secrets secrets) {
      this.err = err;
      this.secrets = secrets;
    }

    @Override
    public void onDrift(DriftFinding finding) {
      if (printed.add(finding)) {
        err.println("warning: response differs from the spec: " + secrets.scrub(finding.toString()));
      }
    }
  }
}
