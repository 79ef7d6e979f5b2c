package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.options.LinkedInOptions;
import org.junit.jupiter.api.Test;

/** README, LinkedIn options from JSON. */
class LinkedInJsonSnippetTest {
  @Test
  void readsTheJson() {
    // README snippet

    assertThat(options).isNotNull();
  }
}
