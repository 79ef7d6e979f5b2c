package io.github.unipilechat.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Equality is by field, rule and kind, as a record's would be. */
class ViolationTest {
  @Test
  void equalComponentsAreEqualAndHashAlike() {
    Violation violation = new Violation("text", "is required");

    assertThat(new Violation("text", "is required", Violation.Kind.RULE)).isEqualTo(violation).hasSameHashCodeAs(violation);
  }

  @Test
  void anyComponentDifferingMakesThemDifferent() {
    assertThat(new Violation("text", "is required"))
        .isNotEqualTo(new Violation("subject", "is required"))
        .isNotEqualTo(new Violation("text", "must be a string"))
        .isNotEqualTo(new Violation("text", "is required", Violation.Kind.NOT_DESCRIBED))
        .isNotEqualTo(null);
  }
}
