package io.github.unipilechat.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts SpecValidator keeps per distinct request: the same answer as a fresh check, and bounded. */
class SpecValidatorVerdictsTest {
  private final SpecValidator spec = SpecValidator.readBundled();

  private DecodedRequest decoded(String text, String days) {
    return spec.decoder().decode(List.of(new ReceivedField.Text("account_id", "acc_1"),
        new ReceivedField.Text("attendees_ids", "ACoAAB1"), new ReceivedField.Text("text", text),
        new ReceivedField.Text("linkedin[api]", "recruiter"),
        new ReceivedField.Text("linkedin[follow_up][subject]", "s"), new ReceivedField.Text("linkedin[follow_up][text]", "t"),
        new ReceivedField.Text("linkedin[follow_up][scheduled_time][days]", days),
        new ReceivedField.Text("linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris")));
  }

  @Test
  void aRepeatedRequestGetsTheVerdictOfAFreshCheck() {
    ValidationResult first = spec.validateRequest(decoded("Hi", "2"), true);
    ValidationResult again = spec.validateRequest(decoded("Hi", "2"), true);
    ValidationResult fresh = SpecValidator.readBundled().validateRequest(decoded("Hi", "2"), true);

    assertThat(first.violations()).isNotEmpty().isEqualTo(again.violations()).isEqualTo(fresh.violations());
    assertThat(spec.verdictsKept()).isEqualTo(1);
  }

  @Test
  void theKeysPresenceIsPartOfTheVerdict() {
    assertThat(spec.validateRequest(decoded("Hi", "5"), true).valid()).isTrue();

    assertThat(spec.validateRequest(decoded("Hi", "5"), false).violations())
        .extracting(Violation::field).containsExactly("X-API-KEY");
    assertThat(spec.validateRequest(decoded("Hi", "5"), true).valid()).isTrue();
  }

  @Test
  void aRequestThatDiffersInOneValueIsCheckedAfresh() {
    assertThat(spec.validateRequest(decoded("Hi", "5"), true).valid()).isTrue();

    assertThat(spec.validateRequest(decoded("Hi", "2"), true).violations())
        .extracting(Violation::field).contains("linkedin.follow_up.scheduled_time.days");
  }

  @Test
  void formViolationsAreNotKeptWithTheVerdict() {
    DecodedRequest clean = decoded("Hi", "5");
    DecodedRequest withFormViolation = new DecodedRequest(clean.fields(), clean.files(),
        List.of(new Violation("attendees_ids", "sent twice")));

    assertThat(spec.validateRequest(withFormViolation, true).violations()).containsExactly(new Violation("attendees_ids", "sent twice"));
    assertThat(spec.validateRequest(clean, true).valid()).isTrue();
  }

  @Test
  void aRepeatedResponseGetsTheVerdictOfAFreshCheck() {
    String bad = "{\"object\":\"ChatStarted\"}";
    String good = "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}";

    List<Violation> first = spec.validateResponse(201, "application/json", bad).violations();

    assertThat(first).isNotEmpty()
        .isEqualTo(spec.validateResponse(201, "application/json", bad).violations())
        .isEqualTo(SpecValidator.readBundled().validateResponse(201, "application/json", bad).violations());
    assertThat(spec.validateResponse(201, "application/json", good).valid()).isTrue();
    assertThat(spec.validateResponse(201, null, bad).violations()).isNotEqualTo(first);
    assertThat(spec.verdictsKept()).isEqualTo(3);
  }

  @Test
  void keptVerdictsAreBoundedInNumberAndSize() {
    for (int i = 0; i <= SpecValidator.VERDICTS_KEPT; i++) {
      spec.validateRequest(decoded("text " + i, "5"), true);
    }
    assertThat(spec.verdictsKept()).isBetween(1, SpecValidator.VERDICTS_KEPT);

    SpecValidator empty = SpecValidator.readBundled();
    empty.validateRequest(decoded("x".repeat(SpecValidator.LONGEST_KEPT_REQUEST), "5"), true);
    assertThat(empty.verdictsKept()).isZero();
  }
}
