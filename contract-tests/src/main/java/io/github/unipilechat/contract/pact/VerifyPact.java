package io.github.unipilechat.contract.pact;

import io.github.unipilechat.contract.internal.Printable;
import io.github.unipilechat.contract.spec.Violation;
import java.io.PrintStream;
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
  /** A pact or the spec could not be read, or there was nothing to check (no HTTP interaction at all). */
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
    return run(pacts, specOrNull, PactFile.DEFAULT_MAX_BYTES, out, err);
  }

  /**
   * As {@link #run(List, Path, PrintStream, PrintStream)}, refusing pact files over {@code maxFileBytes} from their
   * size, before reading them, and never reading past it. Never throws: whatever goes wrong is one escaped line on
   * {@code err} and exit 2. The spec and the pacts must be regular files; nothing a spec names is fetched or opened
   * (a {@code $ref} outside the document is refused before any interaction is judged), and a file that is not JSON
   * is reported by line and column, never quoted.
   */
  public static int run(List<Path> pacts, Path specOrNull, long maxFileBytes, PrintStream out, PrintStream err) {
    return run(pacts, specOrNull, maxFileBytes, false, out, err);
  }

  /**
   * As {@link #run(List, Path, long, PrintStream, PrintStream)}; with {@code acceptNotDescribed}, what the spec does
   * not describe (an unknown field, a key of another LinkedIn shape, days with weeks) is accepted, not reported.
   */
  public static int run(List<Path> pacts, Path specOrNull, long maxFileBytes, boolean acceptNotDescribed,
      PrintStream out, PrintStream err) {
    if (pacts == null || pacts.isEmpty()) {
      err.println("verify-pact: no pact file given");
      return UNREADABLE;
    }
    PactSpecVerifier verifier;
    try {
      verifier = (specOrNull == null ? PactSpecVerifier.bundled() : PactSpecVerifier.forSpec(specOrNull))
          .acceptNotDescribed(acceptNotDescribed);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // fromFile's message already names the file
      err.println("verify-pact: " + Printable.of(message(e)));
      return UNREADABLE;
    }
    boolean unreadable = false;
    List<PactViolation> all = new ArrayList<>();
    int interactions = 0;
    for (Path pact : pacts) {
      try {
        PactFile file = PactFile.read(pact, maxFileBytes);
        if (file.interactions().isEmpty()) {
          err.println("verify-pact: " + Printable.of(pact.toString()) + ": no HTTP interaction to check");
        }
        interactions += file.interactions().size();
        List<PactViolation> violations = verifier.verify(file);
        violations.forEach(out::println);
        all.addAll(violations);
      } catch (Exception | StackOverflowError | OutOfMemoryError e) {
        // One line whatever happened: hostile pacts must not turn into a stack trace.
        String message = message(e);
        err.println("verify-pact: " + Printable.of(message.contains(pact.toString()) ? message : pact + ": " + message));
        unreadable = true;
      }
    }
    if (!all.isEmpty()) {
      long notDescribed = all.stream().filter(v -> v.kind() == Violation.Kind.NOT_DESCRIBED).count();
      out.println("verify-pact: " + all.size() + " violation(s) in " + interactions + " interaction(s)"
          + (notDescribed == 0 ? "" : ", " + notDescribed + " of them not described by the spec"
              + " (--accept-not-described accepts those)"));
      return VIOLATIONS;
    }
    if (unreadable) {
      return UNREADABLE;
    }
    if (interactions == 0) {
      out.println("verify-pact: nothing was checked: no HTTP interaction in " + pacts.size() + " pact file(s)");
      return UNREADABLE;
    }
    out.println("verify-pact: " + interactions + " interaction(s) in " + pacts.size()
        + " pact file(s) conform to the spec");
    return OK;
  }

  private static String message(Throwable e) {
    if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
      return "too deeply nested or too large to read (" + e.getClass().getSimpleName() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
