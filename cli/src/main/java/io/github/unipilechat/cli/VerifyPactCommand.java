package io.github.unipilechat.cli;

import io.github.unipilechat.contract.pact.PactFile;
import io.github.unipilechat.contract.pact.VerifyPact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify-pact}: every interaction of the given pact files against the spec. */
@Command(name = "verify-pact", mixinStandardHelpOptions = true,
    description = {"Check every interaction of Pact files against the provider's OpenAPI document.",
        "Exits 0 when all conform, 1 with one line per violation, 2 when a file cannot be read or nothing was checked."})
final class VerifyPactCommand implements Callable<Integer> {
  private final Console console;

  @Parameters(arity = "1..*", paramLabel = "PACT.json", description = "Pact files (V3 or V4) to check.")
  List<Path> pacts;

  @Option(names = "--spec", paramLabel = "FILE", description = "OpenAPI document to check against (default: the bundled one).")
  Path spec;

  @Option(names = "--max-file-size", paramLabel = "BYTES",
      description = "Refuse pact files larger than this, from their size, before reading them (default ${DEFAULT-VALUE}).")
  long maxFileSize = PactFile.DEFAULT_MAX_BYTES;

  @Option(names = "--accept-not-described",
      description = "Accept what the spec does not describe (unknown fields such as linkedin[foo], a key of another"
          + " LinkedIn shape, days with weeks) instead of reporting it.")
  boolean acceptNotDescribed;

  @Mixin
  VerboseOption verbose;

  VerifyPactCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("--max-file-size must be positive, got " + maxFileSize);
    }
    return VerifyPact.run(pacts, this.spec, maxFileSize, acceptNotDescribed, console.out(), console.err());
  }
}
