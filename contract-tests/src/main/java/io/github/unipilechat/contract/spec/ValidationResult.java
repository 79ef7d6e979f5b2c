package io.github.unipilechat.contract.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a check found: nothing (valid) or every finding.
 *
 * @param violations every finding, rules and not-described ones, in the order found
 */
public record ValidationResult(List<Violation> violations) {
  /** Copies {@code violations}. */
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** True when nothing was found. */
  public boolean valid() {
    return violations.isEmpty();
  }

  /**
   * This result as a caller sees it: with {@code acceptNotDescribed}, the {@link Violation.Kind#NOT_DESCRIBED}
   * findings dropped and only the rules the spec states kept; otherwise unchanged.
   */
  public ValidationResult accepting(boolean acceptNotDescribed) {
    return acceptNotDescribed
        ? new ValidationResult(violations.stream().filter(v -> v.kind() == Violation.Kind.RULE).toList())
        : this;
  }

  /** "field: rule; field: rule", for one-line reports. */
  public String summary() {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
