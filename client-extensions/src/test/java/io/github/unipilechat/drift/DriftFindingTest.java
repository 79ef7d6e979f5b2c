package io.github.unipilechat.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Equality is by every component, as a record's would be. */
class DriftFindingTest {
  private static final DriftFinding FINDING =
      new DriftFinding(201, DriftFinding.Kind.MISSING_FIELD, "/chat_id", "a required field", "absent");

  @Test
  void equalComponentsAreEqualAndHashAlike() {
    DriftFinding same = new DriftFinding(201, DriftFinding.Kind.MISSING_FIELD, "/chat_id", "a required field", "absent");

    assertThat(same).isEqualTo(FINDING).hasSameHashCodeAs(FINDING);
  }

  @Test
  void anyComponentDifferingMakesThemDifferent() {
    assertThat(FINDING)
        .isNotEqualTo(new DriftFinding(200, DriftFinding.Kind.MISSING_FIELD, "/chat_id", "a required field", "absent"))
        .isNotEqualTo(new DriftFinding(201, DriftFinding.Kind.NOT_DESCRIBED, "/chat_id", "a required field", "absent"))
        .isNotEqualTo(new DriftFinding(201, DriftFinding.Kind.MISSING_FIELD, "/message_id", "a required field", "absent"))
        .isNotEqualTo(new DriftFinding(201, DriftFinding.Kind.MISSING_FIELD, "/chat_id", "a string", "absent"))
        .isNotEqualTo(new DriftFinding(201, DriftFinding.Kind.MISSING_FIELD, "/chat_id", "a required field", "null"))
        .isNotEqualTo(null)
        .isNotEqualTo("HTTP 201");
  }

  @Test
  void nullTextsEqualEmptyOnesAsTheConstructorNormalisesThem() {
    assertThat(new DriftFinding(201, DriftFinding.Kind.BODY_SHAPE, null, null, null))
        .isEqualTo(new DriftFinding(201, DriftFinding.Kind.BODY_SHAPE, "", "", ""));
  }
}
