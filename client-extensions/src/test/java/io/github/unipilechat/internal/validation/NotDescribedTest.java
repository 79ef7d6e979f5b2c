package io.github.unipilechat.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the spec's letter allows but does not describe is refused by default as its own kind of finding, and sent
 * with {@code acceptNotDescribed(true)}; rules the spec states are refused either way.
 */
class NotDescribedTest {
  private static final String NOT_DESCRIBED = "is not described by the spec; the provider may ignore it";

  private static StartChatRequest.Builder valid(boolean lenient) {
    return StartChatRequest.builder().acceptNotDescribed(lenient).accountId("acc_1").attendee("ACoAAB1");
  }

  private static List<Violation> refused(Runnable action) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, action::run);
    assertThat(e).as("expected the request to be refused").isNotNull();
    return e.violations();
  }

  private static List<String> names(StartChatRequest request) {
    return request.parts().stream().map(FormPart::name).toList();
  }

  private static String followUp(String scheduledTime) {
    return "{\"api\":\"recruiter\",\"follow_up\":{\"subject\":\"s\",\"text\":\"t\",\"scheduled_time\":" + scheduledTime + "}}";
  }

  @Test
  void anUnknownLinkedInKeyIsNotDescribedByDefault() {
    assertThat(refused(() -> valid(false).linkedIn(LinkedInOptions.fromJson("{\"api\":\"classic\",\"foo\":\"x\"}")).build()))
        .containsExactly(new Violation("linkedin.foo", NOT_DESCRIBED, Violation.Kind.NOT_DESCRIBED));
  }

  @Test
  void theMessageNamesTheSwitchOnlyForWhatTheSpecDoesNotDescribe() {
    InvalidRequestException undescribed = new InvalidRequestException(
        List.of(new Violation("linkedin.foo", NOT_DESCRIBED, Violation.Kind.NOT_DESCRIBED)));
    InvalidRequestException broken = new InvalidRequestException("text", "must not be blank");

    assertThat(undescribed.getMessage()).endsWith("(StartChatRequest.Builder.acceptNotDescribed(true) sends what the spec"
        + " does not describe)");
    assertThat(undescribed.message("--accept-not-described"))
        .isEqualTo("invalid start-chat request: linkedin.foo: " + NOT_DESCRIBED
            + " (--accept-not-described sends what the spec does not describe)");
    assertThat(broken.message("--accept-not-described")).isEqualTo(broken.getMessage())
        .isEqualTo("invalid start-chat request: text: must not be blank");
  }

  @Test
  void anUnknownLinkedInKeyIsSentWhenAccepted() {
    StartChatRequest request = valid(true).linkedIn(LinkedInOptions.fromJson("{\"api\":\"classic\",\"foo\":\"x\"}")).build();

    assertThat(names(request)).contains("linkedin[api]", "linkedin[foo]");
  }

  @Test
  void anUnknownTopLevelFieldIsNotDescribedByDefaultAndSentWhenAccepted() {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> valid(false).field("foo", "bar"));
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.NOT_DESCRIBED);
      assertThat(v.rule()).startsWith(NOT_DESCRIBED).contains("account_id");
    });

    assertThat(names(valid(true).field("foo", "bar").build())).endsWith("foo");
  }

  @Test
  void followUpUnderTheClassicShapeSaysWhichShapeHasIt() {
    String json = "{\"follow_up\":{\"subject\":\"s\",\"text\":\"t\",\"scheduled_time\":{\"days\":5,\"timezone\":\"UTC\"}}}";

    assertThat(refused(() -> valid(false).linkedIn(LinkedInOptions.fromJson(json)).build())).singleElement()
        .satisfies(v -> {
          assertThat(v.field()).isEqualTo("linkedin.follow_up");
          assertThat(v.rule()).contains("linkedin.api is recruiter").endsWith("the provider may ignore it");
          assertThat(v.kind()).isEqualTo(Violation.Kind.NOT_DESCRIBED);
        });
    assertThat(names(valid(true).linkedIn(LinkedInOptions.fromJson(json)).build())).contains("linkedin[follow_up][subject]");
  }

  @Test
  void daysWithWeeksIsNotDescribedByDefaultAndSentWhenAccepted() {
    String json = followUp("{\"days\":5,\"weeks\":2,\"timezone\":\"UTC\"}");

    assertThat(refused(() -> valid(false).linkedIn(LinkedInOptions.fromJson(json)).build()))
        .extracting(Violation::kind).containsExactly(Violation.Kind.NOT_DESCRIBED);
    assertThat(names(valid(true).linkedIn(LinkedInOptions.fromJson(json)).build()))
        .contains("linkedin[follow_up][scheduled_time][days]", "linkedin[follow_up][scheduled_time][weeks]");
  }

  @Test
  void daysWithWeeksAcceptedStillChecksEachOnesOwnRule() {
    assertThat(refused(() -> valid(true).linkedIn(LinkedInOptions.fromJson(
        followUp("{\"days\":5,\"weeks\":9,\"timezone\":\"UTC\"}"))).build()))
        .containsExactly(new Violation("linkedin.follow_up.scheduled_time.weeks", "must have a maximum value of 4"));
  }

  @Test
  void aStatedRuleIsRefusedEvenWhenNotDescribedIsAccepted() {
    assertThat(refused(() -> valid(true).linkedIn(LinkedInOptions.fromJson(followUp("{\"days\":2,\"timezone\":\"UTC\"}"))).build()))
        .containsExactly(new Violation("linkedin.follow_up.scheduled_time.days", "must have a minimum value of 3"));
    assertThat(refused(() -> valid(true).linkedIn(LinkedInOptions.fromJson("{\"api\":\"premium\",\"foo\":1}")).build()))
        .extracting(Violation::kind).containsOnly(Violation.Kind.RULE);
    assertThat(refused(() -> StartChatRequest.builder().acceptNotDescribed(true).attendee("a").field("foo", "x").build()))
        .containsExactly(new Violation("account_id", "is required"));
  }
}
