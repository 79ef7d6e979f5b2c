package io.github.unipilechat.contract.spec;

import java.util.Objects;

/**
 * One finding: where (a dotted field path, or "request"/"response"/a header), what, and whether it breaks a rule the
 * spec states or is something the spec does not describe.
 *
 * @param field where
 * @param rule what, in the same words as the client's {@code InvalidRequestException}
 * @param kind a stated rule, or something the spec does not describe
 */
public record Violation(String field, String rule, Kind kind) {
  /**
   * The two kinds of finding, the same as the client's {@code InvalidRequestException.Violation.Kind} and named like
   * the drift watch's {@code NOT_DESCRIBED}.
   */
  public enum Kind {
    /** A rule the spec states: the provider refuses it. */
    RULE,
    /**
     * Valid by the spec's letter but not described by it (an unknown field, a key of another shape, a value fitting
     * several {@code anyOf} branches): the provider may ignore it. Refused unless {@code acceptNotDescribed} is on.
     */
    NOT_DESCRIBED
  }

  /** A finding of {@code kind}. */
  public Violation {
    Objects.requireNonNull(kind, "kind");
  }

  /** A broken rule the spec states ({@link Kind#RULE}). */
  public Violation(String field, String rule) {
    this(field, rule, Kind.RULE);
  }

  /** "field: rule". */
  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
