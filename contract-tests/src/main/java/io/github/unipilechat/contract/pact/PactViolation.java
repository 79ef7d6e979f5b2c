package io.github.unipilechat.contract.pact;

import io.github.unipilechat.contract.internal.Printable;

/**
 * One way an interaction of a pact disagrees with the provider's spec.
 *
 * @param interaction the interaction's description
 * @param side {@code request} or {@code response}
 * @param location what is wrong: {@code field linkedin.follow_up.scheduled_time.days}, {@code header X-API-KEY},
 *     {@code status}, {@code body}, {@code path}...
 * @param rule the rule broken, e.g. {@code minimum 3}
 */
public record PactViolation(String interaction, String side, String location, String rule) {

  /** {@code interaction 'X': request field linkedin.follow_up.scheduled_time.days: minimum 3} */
  @Override
  public String toString() {
    // Escaped: a description with CR/LF or ANSI codes must not print a line of its own.
    return "interaction '" + Printable.of(interaction) + "': " + side + " " + Printable.of(location) + ": "
        + Printable.of(rule);
  }
}
