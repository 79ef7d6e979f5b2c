package io.github.unipilechat.contract.spec;

import java.util.List;
import java.util.stream.Collectors;

/** What a check found: nothing (valid) or every broken rule. */
public record ValidationResult(List<Violation> violations) {
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  /** "field: rule; field: rule", for one-line reports. */
  public String summary() {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
