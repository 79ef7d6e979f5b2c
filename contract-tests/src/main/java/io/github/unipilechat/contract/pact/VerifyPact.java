package io.github.unipilechat.contract.pact;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code unipile-chat verify-pact PACT.json... [--spec FILE]}: checks every HTTP interaction of
 * the given pact files against the provider's OpenAPI document (the one bundled with the SDK unless a spec is
 * given) and prints one line per violation.
 */
public final class VerifyPact {
  /** Every interaction conforms. */
  public static final int OK = 0;
  /** At least one interaction breaks the spec. */
  public static final int VIOLATIONS = 1;
  /** A pact or the spec could not be read. */
  public static final int UNREADABLE = 2;

  private VerifyPact() {}

  /**
   * @param pacts pact files (V2, V3 or V4 JSON)
   * @param specOrNull an OpenAPI document to check against; {@code null} for the bundled provider spec
   * @param out one line per violation, then a summary
   * @param err unreadable files
   * @return {@link #OK}, {@link #VIOLATIONS} or {@link #UNREADABLE}
   */
  public static int run(List<Path> pacts, Path specOrNull, PrintStream out, PrintStream err) {
    if (pacts == null || pacts.isEmpty()) {
      err.println("verify-pact: no pact file given");
      return UNREADABLE;
    }
    PactSpecVerifier verifier;
    try {
      verifier = specOrNull == null ? PactSpecVerifier.bundled() : PactSpecVerifier.forSpec(specOrNull);
    } catch (RuntimeException e) {
      err.println("verify-pact: cannot read the spec " + specOrNull + ": " + e.getMessage());
      return UNREADABLE;
    }
    boolean unreadable = false;
    List<PactViolation> all = new ArrayList<>();
    int interactions = 0;
    for (Path pact : pacts) {
      if (!Files.isRegularFile(pact)) {
        err.println("verify-pact: " + pact + ": no such file");
        unreadable = true;
        continue;
      }
      try {
        PactFile file = PactFile.read(pact);
        interactions += file.interactions().size();
        List<PactViolation> violations = verifier.verify(file);
        violations.forEach(out::println);
        all.addAll(violations);
      } catch (IOException | RuntimeException e) {
        err.println("verify-pact: " + e.getMessage());
        unreadable = true;
      }
    }
    if (all.isEmpty() && !unreadable) {
      out.println("verify-pact: " + interactions + " interaction(s) in " + pacts.size()
          + " pact file(s) conform to the spec");
      return OK;
    }
    if (!all.isEmpty()) {
      out.println("verify-pact: " + all.size() + " violation(s) in " + interactions + " interaction(s)");
    }
    return all.isEmpty() ? UNREADABLE : VIOLATIONS;
  }

  /** {@code java ... VerifyPact PACT.json... [--spec FILE]} */
  public static void main(String[] args) {
    List<Path> pacts = new ArrayList<>();
    Path spec = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--spec") && i + 1 < args.length) {
        spec = Path.of(args[++i]);
      } else {
        pacts.add(Path.of(args[i]));
      }
    }
    System.exit(run(pacts, spec, System.out, System.err));
  }
}
