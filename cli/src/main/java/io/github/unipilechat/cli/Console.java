package io.github.unipilechat.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** What a command may touch outside itself: the environment and the two output streams. Tests pass their own. */
public record Console(Map<String, String> env, PrintStream out, PrintStream err) {
  public static Console system() {
    return new Console(System.getenv(), System.out, System.err);
  }

  /** The variable's value, when set and not blank. */
  public Optional<String> variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
