package io.github.unipilechat.cli;

import static io.github.unipilechat.cli.CommandSpecs.flag;
import static io.github.unipilechat.cli.CommandSpecs.option;
import static io.github.unipilechat.cli.CommandSpecs.value;

import io.github.unipilechat.contract.pact.PactFile;
import io.github.unipilechat.contract.pact.VerifyPact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code verify-pact}: every interaction of the given pact files against the spec. */
final class VerifyPactCommand implements Callable<Integer> {
  static final String NAME = "verify-pact";
  private final Console console;
  private final CommandSpec spec;

  VerifyPactCommand(Console console) {
    this.console = console;
    this.spec = CommandSpecs.command(this, NAME,
        "Check every interaction of Pact files against the operation it calls (by method and path template) in the"
            + " provider's OpenAPI document.",
        "Exits 0 when all conform, 1 with one line per violation, 2 when a file cannot be read or nothing was checked.");
    spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PACT.json").type(List.class)
            .auxiliaryTypes(Path.class).description("Pact files (V3 or V4) to check.").build())
        .addOption(option("--spec", Path.class, "FILE",
            "OpenAPI document to check against (default: the bundled one).").build())
        .addOption(option("--max-file-size", long.class, "BYTES",
            "Refuse pact files larger than this, from their size, before reading them (default ${DEFAULT-VALUE}).")
            .initialValue(PactFile.DEFAULT_MAX_BYTES).build())
        .addOption(flag("--accept-not-described",
            "Accept what the spec does not describe (unknown fields such as linkedin[foo], a key of another"
                + " LinkedIn shape, days with weeks) instead of reporting it."))
        .addOption(VerboseOption.spec());
    CommandSpecs.withStandardHelpOptions(spec);
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    long maxFileSize = value(spec, "--max-file-size");
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("--max-file-size must be positive, got " + maxFileSize);
    }
    List<Path> pacts = spec.positionalParameters().get(0).getValue();
    boolean acceptNotDescribed = value(spec, "--accept-not-described");
    return VerifyPact.run(pacts, value(spec, "--spec"), maxFileSize, acceptNotDescribed, console.out(), console.err());
  }
}
