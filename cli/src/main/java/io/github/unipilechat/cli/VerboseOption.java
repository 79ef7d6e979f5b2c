package io.github.unipilechat.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, declared once and mixed into each command. Nothing reads the field: {@link Failures} asks the
 * parse result whether the option was given, since it handles failures before and outside the command.
 */
final class VerboseOption {
  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;
}
