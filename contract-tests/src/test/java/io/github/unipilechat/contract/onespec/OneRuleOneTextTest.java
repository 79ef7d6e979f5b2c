package io.github.unipilechat.contract.onespec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken rule reads the same in the client's refusal, the mock's 400 detail and verify-pact's line: the three
 * read the spec through one model on one schema engine.
 */
class OneRuleOneTextTest {
  private static final String DAYS_2 = "linkedin.follow_up.scheduled_time.days: must have a minimum value of 3";

  @TempDir Path dir;

  private static Wire followUpInDays(String days) {
    return Wire.valid("linkedin[api]", "recruiter", "linkedin[follow_up][subject]", "s",
        "linkedin[follow_up][text]", "t", "linkedin[follow_up][scheduled_time][days]", days,
        "linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris");
  }

  @Test
  void daysTwoReadsTheSameInTheClientTheMockAndVerifyPact() {
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () ->
        StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").linkedIn(LinkedInOptions.fromJson(
            "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\","
                + "\"scheduled_time\":{\"days\":2,\"timezone\":\"Europe/Paris\"}}}")).build());
    String client = refused.violations().get(0).toString();

    String mock;
    try (MockUnipileServer server = MockUnipileServer.builder().build().start()) {
      mock = followUpInDays("2").post(server).detail();
    }
    Wire.Verdict verdict = Wire.verify(followUpInDays("2").pact(dir, 201, Wire.CREATED), null, false);

    assertThat(client).isEqualTo(DAYS_2);
    assertThat(mock).isEqualTo(DAYS_2);
    assertThat(verdict.out()).contains("request field " + DAYS_2);
    assertThat(verdict.exit()).isEqualTo(1);
  }

  @Test
  void daysThreePassesInAllThree() {
    StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").linkedIn(LinkedInOptions.fromJson(
        "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\","
            + "\"scheduled_time\":{\"days\":3,\"timezone\":\"Europe/Paris\"}}}")).build();
    try (MockUnipileServer server = MockUnipileServer.builder().build().start()) {
      assertThat(followUpInDays("3").post(server).status()).isEqualTo(201);
    }
    assertThat(Wire.verify(followUpInDays("3").pact(dir, 201, Wire.CREATED), null, false).exit()).isZero();
  }
}
