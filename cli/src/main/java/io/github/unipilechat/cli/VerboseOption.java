package io.github.unipilechat.cli;

import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --verbose}, declared once and added to each command. Nothing reads its value: {@link Failures} asks the
 * parse result whether the option was given, since it handles failures before and outside the command.
 */
final class VerboseOption {
  static final String NAME = "--verbose";

  private VerboseOption() {}

  static OptionSpec spec() {
    return CommandSpecs.flag(NAME, "Print stack traces on failure.");
  }
}
