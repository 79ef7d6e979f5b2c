package io.github.unipilechat.contract.pact;

import io.github.unipilechat.contract.internal.Printable;
import io.github.unipilechat.contract.spec.Violation;
import java.util.Objects;

/**
 * One way an interaction of a pact disagrees with the provider's spec.
 *
 * @param interaction the interaction's description
 * @param side {@code request} or {@code response}
 * @param location what is wrong: {@code field linkedin.follow_up.scheduled_time.days}, {@code header X-API-KEY},
 *     {@code status}, {@code body}, {@code path}...
 * @param rule the rule broken, in the client's words, e.g. {@code must have a minimum value of 3}
 * @param kind a rule the spec states, or something it does not describe (refused unless accepted)
 */
public record PactViolation(String interaction, String side, String location, String rule, Violation.Kind kind) {
  /** A finding of {@code kind}. */
  public PactViolation {
    Objects.requireNonNull(kind, "kind");
  }

  /** A broken rule the spec states. */
  public PactViolation(String interaction, String side, String location, String rule) {
    this(interaction, side, location, rule, Violation.Kind.RULE);
  }

  /** {@code interaction 'X': request field linkedin.follow_up.scheduled_time.days: minimum 3} */
  @Override
  public String toString() {
    // Escaped: a description with CR/LF or ANSI codes must not print a line of its own.
    return "interaction '" + Printable.of(interaction) + "': " + side + " " + Printable.of(location) + ": "
        + Printable.of(rule);
  }
}
