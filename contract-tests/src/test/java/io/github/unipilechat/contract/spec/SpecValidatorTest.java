package io.github.unipilechat.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.SpecFacts;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {
  private static final SpecValidator SPEC = SpecValidator.bundled();
  private static final String JSON = "application/json";

  /** account_id + attendees_ids, then name/value pairs. */
  private static ValidationResult request(String... namesAndValues) {
    List<ReceivedField> fields = new ArrayList<>(List.of(
        new ReceivedField.Text("account_id", "acc_1"), new ReceivedField.Text("attendees_ids", "ACoAAB1")));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.add(new ReceivedField.Text(namesAndValues[i], namesAndValues[i + 1]));
    }
    return SPEC.validateRequest(SPEC.decoder().decode(fields), true);
  }

  private static ValidationResult followUp(String unit, String amount, String... more) {
    List<String> all = new ArrayList<>(List.of("linkedin[api]", "recruiter",
        "linkedin[follow_up][subject]", "s", "linkedin[follow_up][text]", "t",
        "linkedin[follow_up][scheduled_time][" + unit + "]", amount,
        "linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris"));
    all.addAll(List.of(more));
    return request(all.toArray(String[]::new));
  }

  @Test
  void bundledSpecLoadsDespiteItsNonStandardIdAttribute() {
    assertThat(SPEC.document().has("_id")).isTrue();
    assertThat(request().valid()).isTrue();
  }

  @Test
  void theBundledSpecIsReadOncePerProcess() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<SpecValidator> other = pool.submit(SpecValidator::bundled);
      assertThat(SpecValidator.bundled()).isSameAs(other.get()).isSameAs(SPEC);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void specFileOnDiskGivesTheSameValidator() {
    // The document the build was given (-Dunipile.spec; openapi/ by default): the one the jar bundles.
    SpecValidator fromFile = SpecValidator.fromFile(
        Path.of(System.getProperty("unipile.spec", "../openapi/unipile-start-new-chat.openapi.json")));

    assertThat(fromFile.errorTypes()).isEqualTo(SPEC.errorTypes());
  }

  @Test
  void errorTypesComeFromTheSpecForEveryDocumentedStatus() {
    List<Integer> errorStatuses = SPEC.documentedStatuses().stream().filter(status -> status.matches("[45]\\d\\d"))
        .map(Integer::valueOf).toList();
    assertThat(errorStatuses).contains(400, 422, 500);
    assertThat(SPEC.errorTypes().keySet()).containsExactlyElementsOf(errorStatuses);
    // In the spec's order (read from it: a provider reordering its enum is no change).
    assertThat(SPEC.errorTypes().get(422)).containsExactlyElementsOf(SpecFacts.errorTypes(422))
        .contains("errors/invalid_account", "errors/no_connection_with_recipient");
  }

  @Test
  void recruiterDaysFollowUpIsValid() {
    assertThat(followUp("days", "5").violations()).isEmpty();
  }

  @Test
  void daysBelowMinimumNamesFieldAndRule() {
    assertThat(followUp("days", "2").violations()).singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.days"))
        .satisfies(v -> assertThat(v.rule()).isEqualTo("must have a minimum value of 3"));
  }

  @Test
  void weeksAboveMaximumNamesFieldAndRule() {
    assertThat(followUp("weeks", "9").violations()).singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.weeks"))
        .satisfies(v -> assertThat(v.rule()).isEqualTo("must have a maximum value of 4"));
  }

  @Test
  void recruiterOptionsWithoutApiSayWhichApiTheyNeed() {
    ValidationResult result = request("linkedin[visibility]", "PUBLIC");

    assertThat(result.valid()).isFalse();
    assertThat(result.violations()).contains(new Violation("linkedin.visibility", "is not described by the spec for"
        + " this shape (only when linkedin.api is recruiter); the provider may ignore it", Violation.Kind.NOT_DESCRIBED));
  }

  @Test
  void classicOptionUnderRecruiterIsRefused() {
    assertThat(request("linkedin[api]", "recruiter", "linkedin[inmail]", "true").violations())
        .contains(new Violation("linkedin.inmail", "is not described by the spec for this shape"
            + " (only when linkedin.api is classic); the provider may ignore it", Violation.Kind.NOT_DESCRIBED));
  }

  @Test
  void unknownApiListsTheAllowedValues() {
    assertThat(request("linkedin[api]", "premium").violations())
        .containsExactly(new Violation("linkedin.api", SpecFacts.unknownApiRule()));
  }

  @Test
  void emptyAccountIdBreaksMinLength() {
    ValidationResult result = SPEC.validateRequest(SPEC.decoder().decode(List.of(
        new ReceivedField.Text("account_id", ""), new ReceivedField.Text("attendees_ids", "a"))), true);

    assertThat(result.violations()).extracting(Violation::field).containsExactly("account_id");
  }

  @Test
  void unknownFieldIsRefused() {
    assertThat(request("acount_id", "typo").valid()).isFalse();
  }

  @Test
  void missingApiKeyIsAViolation() {
    DecodedRequest decoded = SPEC.decoder().decode(List.of(
        new ReceivedField.Text("account_id", "a"), new ReceivedField.Text("attendees_ids", "b")));

    assertThat(SPEC.validateRequest(decoded, false).violations()).extracting(Violation::field).containsExactly("X-API-KEY");
  }

  @Test
  void createdBodyConforms() {
    assertThat(SPEC.validateResponse(201, JSON, "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}").valid()).isTrue();
  }

  @Test
  void createdBodyWithoutObjectIsRejected() {
    assertThat(SPEC.validateResponse(201, JSON, "{\"chat_id\":\"c\",\"message_id\":\"m\"}").violations())
        .containsExactly(new Violation("object", "is required"));
  }

  @Test
  void errorTypeOutsideItsStatusEnumIsRejected() {
    ValidationResult result = SPEC.validateResponse(422, JSON, "{\"title\":\"t\",\"type\":\"errors/too_many_requests\",\"status\":422}");

    assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("type"));
  }

  @Test
  void errorStatusAsStringIsRejected() {
    assertThat(SPEC.validateResponse(400, JSON, "{\"title\":\"t\",\"type\":\"errors/invalid_parameters\",\"status\":\"400\"}").valid())
        .isFalse();
  }

  @Test
  void undocumentedStatusIsRejected() {
    assertThat(SPEC.validateResponse(418, JSON, "{}").valid()).isFalse();
  }

  @Test
  void nonJsonResponseIsRejected() {
    assertThat(SPEC.validateResponse(201, "text/plain", "created").valid()).isFalse();
  }
}
