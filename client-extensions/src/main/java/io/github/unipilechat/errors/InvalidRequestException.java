package io.github.unipilechat.errors;

import java.util.List;

/** The request was refused before anything was sent: it breaks a rule of the provider's contract. */
public final class InvalidRequestException extends UnipileException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** One broken rule: the field (as a dotted path, e.g. {@code linkedin.follow_up.scheduled_time.days}) and the rule. */
  public record Violation(String field, String rule) {
    @Override
    public String toString() {
      return field + ": " + rule;
    }
  }

  public InvalidRequestException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(String field, String rule) {
    this(List.of(new Violation(field, rule)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    StringBuilder message = new StringBuilder("invalid start-chat request: ");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return message.toString();
  }
}
