package io.github.unipilechat.contract.spec;

/** One broken rule: where (a dotted field path, or "request"/"response"/a header) and what rule. */
public record Violation(String field, String rule) {
  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
