package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import org.junit.jupiter.api.Test;

/** README, LinkedIn options from any generated shape model. */
class LinkedInModelSnippetTest {
  @Test
  void takesTheGeneratedModel() {
    // README snippet

    assertThat(options.fields().path("api").asText()).isEqualTo("recruiter");
  }
}
