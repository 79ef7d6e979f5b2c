package io.github.unipilechat.errors;

import java.util.List;

/** The request was refused before anything was sent: it breaks a rule of the provider's contract. */
public final class InvalidRequestException extends UnipileException {
  private static final long serialVersionUID = 1L;
  private static final String JAVA_SWITCH = "StartChatRequest.Builder.acceptNotDescribed(true)";

  private final List<Violation> violations;

  /**
   * One finding: the field (as a dotted path, e.g. {@code linkedin.follow_up.scheduled_time.days}), what is wrong,
   * and whether it breaks a rule the spec states or is only something the spec does not describe.
   *
   * @param field where, as a dotted path ({@code request} for the whole form)
   * @param rule what, in the same words as the mock's 400 and {@code verify-pact}
   * @param kind a rule the spec states, or something it does not describe
   */
  public record Violation(String field, String rule, Kind kind) {
    /**
     * What kind of finding: the same two in the client, the mock server and {@code verify-pact} (and named like the
     * drift watch's {@code DriftFinding.Kind.NOT_DESCRIBED}).
     */
    public enum Kind {
      /** A rule the spec states (required, type, minimum, enum...): the provider refuses the request. */
      RULE,
      /**
       * Valid by the spec's letter but not described by it: a field no schema lists ({@code foo},
       * {@code linkedin[foo]}, {@code follow_up} under the classic shape) or a value matching several {@code anyOf}
       * branches at once ({@code days} with {@code weeks}). The provider may silently ignore it, so it is refused
       * unless {@code acceptNotDescribed} is switched on.
       */
      NOT_DESCRIBED
    }

    /** A finding of {@code kind}. */
    public Violation {
      java.util.Objects.requireNonNull(kind, "kind");
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

  /** Refuses a request for every one of {@code violations} (at least one). */
  public InvalidRequestException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  /** Refuses a request for one broken rule. */
  public InvalidRequestException(String field, String rule) {
    this(List.of(new Violation(field, rule)));
  }

  /** Every finding, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The message, naming {@code acceptSwitch} as the way to send what the spec does not describe when a finding is
   * of that kind: a tool that wraps the client names its own switch (the command line's is a flag).
   */
  public String message(String acceptSwitch) {
    return summary(violations, acceptSwitch);
  }

  private static String summary(List<Violation> violations) {
    return summary(violations, JAVA_SWITCH);
  }

  private static String summary(List<Violation> violations, String acceptSwitch) {
    StringBuilder message = new StringBuilder("invalid start-chat request: ");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    if (violations.stream().anyMatch(v -> v.kind() == Violation.Kind.NOT_DESCRIBED)) {
      message.append(" (").append(acceptSwitch).append(" sends what the spec does not describe)");
    }
    return message.toString();
  }
}
