package io.github.unipilechat.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.SpecOrder;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedBeforeSendingTest {

  private static StartChatRequest.Builder valid() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  private static List<Violation> violations(Runnable action) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, action::run);
    assertThat(e).as("expected the request to be refused").isNotNull();
    return e.violations();
  }

  private static List<Violation> linkedIn(String json) {
    return violations(() -> valid().linkedIn(LinkedInOptions.fromJson(json)).build());
  }

  /** The recruiter follow-up's scheduled_time branches, described as the client names them, in the spec's order. */
  private static List<String> scheduledTimeBranches() {
    return SpecOrder.described(
        SpecOrder.property(SpecOrder.linkedInShape("recruiter"), "follow_up", "scheduled_time"));
  }

  private static String followUp(String scheduledTime) {
    return "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\",\"scheduled_time\":" + scheduledTime + "}}";
  }

  @Test
  void accountIdIsRequired() {
    assertThat(violations(() -> StartChatRequest.builder().attendee("a").build()))
        .containsExactly(new Violation("account_id", "is required"));
  }

  @Test
  void accountIdMustNotBeEmptyOrBlank() {
    assertThat(violations(() -> valid().accountId("").build())).extracting(Violation::field).containsExactly("account_id");
    assertThat(violations(() -> valid().accountId("  ").build()))
        .containsExactly(new Violation("account_id", "must not be blank"));
  }

  @Test
  void atLeastOneAttendeeIsRequired() {
    assertThat(violations(() -> StartChatRequest.builder().accountId("acc").build()))
        .containsExactly(new Violation("attendees_ids", "is required"));
  }

  @Test
  void attendeesMustNotBeBlank() {
    assertThat(violations(() -> valid().attendee(" ").build()))
        .containsExactly(new Violation("attendees_ids[1]", "must not be blank"));
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> StartChatRequest.builder().build());
    assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("account_id", "attendees_ids");
    // In the order the spec's required list names them.
    List<String> missing = SpecOrder.inOrder(SpecOrder.requiredFields(), List.of("account_id", "attendees_ids"));
    assertThat(e.getMessage()).isEqualTo("invalid start-chat request: " + missing.get(0) + ": is required; "
        + missing.get(1) + ": is required").doesNotContain("\n");
  }

  @Test
  void apiMustBeOneOfTheShapesApiValues() {
    List<String> apis = new ArrayList<>();
    ProviderSpec.requestSchema().path("properties").path("linkedin").path("anyOf")
        .forEach(shape -> shape.path("properties").path("api").path("enum").forEach(api -> apis.add(api.asText())));

    assertThat(apis).isNotEmpty().doesNotContain("premium");
    assertThat(linkedIn("{\"api\":\"premium\"}"))
        .containsExactly(new Violation("linkedin.api", "must be one of " + apis));
  }

  @Test
  void topicMustBeInItsEnum() {
    assertThat(linkedIn("{\"topic\":\"sales\"}")).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.topic");
      assertThat(v.rule()).contains("service_request", "careers");
    });
  }

  @Test
  void visibilityMustBeInItsEnum() {
    assertThat(linkedIn("{\"api\":\"recruiter\",\"visibility\":\"SECRET\"}")).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.visibility");
      assertThat(v.rule()).contains("PUBLIC", "PRIVATE", "PROJECT");
    });
  }

  @Test
  void followUpNeedsSubjectTextAndScheduledTime() {
    assertThat(linkedIn("{\"api\":\"recruiter\",\"follow_up\":{}}")).containsExactlyInAnyOrder(
        new Violation("linkedin.follow_up.subject", "is required"),
        new Violation("linkedin.follow_up.text", "is required"),
        new Violation("linkedin.follow_up.scheduled_time", "is required"));
  }

  @Test
  void scheduledTimeIsDaysOrWeeksNotBoth() {
    assertThat(linkedIn(followUp("{\"days\":5,\"weeks\":2,\"timezone\":\"UTC\"}"))).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time");
      // Both branches, as the spec orders and titles them ("Days based [days, timezone], Weeks based [...]").
      assertThat(scheduledTimeBranches()).hasSize(2);
      assertThat(v.rule()).startsWith("is not described by the spec: it matches "
          + String.join(", ", scheduledTimeBranches()) + " at once");
      assertThat(v.kind()).isEqualTo(Violation.Kind.NOT_DESCRIBED);
    });
  }

  @Test
  void scheduledTimeNeedsDaysOrWeeks() {
    assertThat(linkedIn(followUp("{\"timezone\":\"UTC\"}"))).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time");
      assertThat(v.rule()).isEqualTo("must match one of " + String.join(", ", scheduledTimeBranches()));
    });
  }

  @Test
  void daysMustBeFrom3To28() {
    assertThat(linkedIn(followUp("{\"days\":2,\"timezone\":\"UTC\"}"))).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.days");
      assertThat(v.rule()).contains("minimum").contains("3");
    });
    assertThat(linkedIn(followUp("{\"days\":29,\"timezone\":\"UTC\"}"))).singleElement()
        .satisfies(v -> assertThat(v.rule()).contains("maximum").contains("28"));
  }

  @Test
  void weeksMustBeFrom1To4() {
    assertThat(linkedIn(followUp("{\"weeks\":0,\"timezone\":\"UTC\"}"))).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.weeks");
      assertThat(v.rule()).contains("minimum").contains("1");
    });
    assertThat(linkedIn(followUp("{\"weeks\":5,\"timezone\":\"UTC\"}"))).singleElement()
        .satisfies(v -> assertThat(v.rule()).contains("maximum").contains("4"));
  }

  @Test
  void eachBranchCombinationIsCheckedByItsOwnSchema() {
    // Compiled schemas are cached per combination of anyOf branches taken; alternating must not mix them up.
    for (int round = 0; round < 2; round++) {
      assertThat(linkedIn(followUp("{\"days\":2,\"timezone\":\"UTC\"}"))).singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.days"));
      assertThat(linkedIn(followUp("{\"weeks\":5,\"timezone\":\"UTC\"}"))).singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.weeks"));
      assertThat(linkedIn("{\"api\":\"recruiter\",\"visibility\":\"SECRET\"}")).singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("linkedin.visibility"));
      valid().linkedIn(LinkedInOptions.fromJson(followUp("{\"weeks\":1,\"timezone\":\"UTC\"}"))).build();
    }
  }

  @Test
  void daysNeedATimezone() {
    assertThat(linkedIn(followUp("{\"days\":5}")))
        .containsExactly(new Violation("linkedin.follow_up.scheduled_time.timezone", "is required"));
  }

  @Test
  void timezoneMustBeARealIanaZone() {
    assertThat(linkedIn(followUp("{\"days\":5,\"timezone\":\"Mars/Olympus\"}"))).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.follow_up.scheduled_time.timezone");
      assertThat(v.rule()).contains("IANA", "Mars/Olympus");
    });
  }

  @Test
  void daysMustBeAWholeNumber() {
    assertThat(linkedIn(followUp("{\"days\":5.5,\"timezone\":\"UTC\"}")))
        .containsExactly(new Violation("linkedin.follow_up.scheduled_time.days", "must be a whole number"));
  }

  @Test
  void wrongTypesAreNamed() {
    assertThat(linkedIn("{\"inmail\":\"yes\"}")).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin.inmail");
      assertThat(v.rule()).contains("boolean");
    });
  }

  @Test
  void malformedJsonIsRefused() {
    assertThat(linkedIn("{\"api\":")).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("linkedin");
      assertThat(v.rule()).startsWith("is not valid JSON");
    });
    assertThat(linkedIn("[1,2]")).containsExactly(new Violation("linkedin", "must be a JSON object"));
  }

  @Test
  void malformedJsonSaysWhereNeverWhat() {
    // A key file named by mistake (--linkedin @key.txt): Jackson's own message quotes its first 256 characters.
    assertThat(linkedIn("sk_live_0123456789abcdef")).singleElement().satisfies(v -> {
      assertThat(v.rule()).startsWith("is not valid JSON (line 1, column ").doesNotContain("sk_live");
    });
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(linkedIn("{\"api\":\"recruiter\",\"signatur\":\"typo\"}"))
        .containsExactly(new Violation("linkedin.signatur", "is not described by the spec; the provider may ignore it",
            Violation.Kind.NOT_DESCRIBED));
  }

  @Test
  void typedOptionsAreCheckedToo() {
    RecruiterOptions options = new RecruiterOptions().followUp(new FollowUpConfig().subject("s").text("t")
        .scheduledTime(new FollowUpConfigScheduledTime().days(40).timezone("UTC")));
    assertThat(violations(() -> valid().linkedIn(LinkedInOptions.recruiter(options)).build()))
        .extracting(Violation::field).containsExactly("linkedin.follow_up.scheduled_time.days");
  }

  @Test
  void followUpFilesNeedTheRecruiterShape() {
    assertThat(violations(() -> LinkedInOptions.fromJson("{\"api\":\"classic\"}", List.of(Attachment.of("a.txt", new byte[1])))))
        .singleElement().satisfies(v -> assertThat(v.rule()).contains("Classic options shape has no file field"));
  }

  @Test
  void followUpFilesNeedAFollowUp() {
    assertThatThrownBy(() -> LinkedInOptions.recruiter(new RecruiterOptions(), Attachment.of("a.txt", new byte[1])))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("linkedin.follow_up.attachments");
  }

  @Test
  void validRequestsOfEveryShapeAreAccepted() {
    valid().build();
    valid().linkedIn(LinkedInOptions.fromJson("{\"api\":\"classic\",\"inmail\":true,\"topic\":\"careers\"}")).build();
    valid().linkedIn(LinkedInOptions.fromJson(followUp("{\"days\":3,\"timezone\":\"Europe/Paris\"}"))).build();
    valid().linkedIn(LinkedInOptions.fromJson(followUp("{\"weeks\":4,\"timezone\":\"America/Phoenix\"}"))).build();
    valid().linkedIn(LinkedInOptions.salesNavigator()).build();
  }
}
