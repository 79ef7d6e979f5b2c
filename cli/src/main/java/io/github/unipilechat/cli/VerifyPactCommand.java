package io.github.unipilechat.cli;

import io.github.unipilechat.contract.pact.VerifyPact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify-pact}: every interaction of the given pact files against the spec. */
@Command(name = "verify-pact", mixinStandardHelpOptions = true,
    description = {"Check every interaction of Pact files against the provider's OpenAPI document.",
        "Exits 0 when all conform; otherwise prints one line per violation and exits non-zero."})
final class VerifyPactCommand implements Callable<Integer> {
  private final Console console;

  @Parameters(arity = "1..*", paramLabel = "PACT.json", description = "Pact files (V3 or V4) to check.")
  List<Path> pacts;

  @Option(names = "--spec", paramLabel = "FILE", description = "OpenAPI document to check against (default: the bundled one).")
  Path spec;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  VerifyPactCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    return VerifyPact.run(pacts, spec, console.out(), console.err());
  }
}
