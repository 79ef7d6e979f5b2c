package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.MultipartMessageContentMatcher;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.consumer.dsl.BodyBuilder;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Pact JVM 4.7.5's own multipart matcher (the one its mock server and provider verifier use) checks, on
 * the bodies the consumer pacts carry: documented in PACT.md, pinned here so an upgrade that changes it shows.
 */
class PactMultipartMatchingTest {
  static final PactForm RECRUITER = UnipileChatConsumerPactTest.RECRUITER_DAYS_FORM;

  static List<String> mismatches(PactForm expected, PactForm actual) {
    BodyBuilder want = expected.toPactBody();
    BodyBuilder got = actual.toPactBody("a-random-boundary-like-okhttps-0123456789");
    return new MultipartMessageContentMatcher().matchBody(
            OptionalBody.body(want.buildBody(), want.getContentType()),
            OptionalBody.body(got.buildBody(), got.getContentType()),
            new MatchingContext(new MatchingRuleCategory("body"), true))
        .getMismatches().stream().map(Mismatch::description).toList();
  }

  static PactForm copy(PactForm form, String name, String newValue, boolean drop) {
    PactForm copy = new PactForm();
    for (PactForm.Field f : form.fields()) {
      if (f.name().equals(name) && drop) {
        continue;
      }
      if (f.isFile()) {
        copy.add(f);
      } else {
        copy.text(f.name(), f.name().equals(name) && newValue != null ? newValue : f.value());
      }
    }
    return copy;
  }

  @Test
  void theSameFieldsMatchWhateverTheBoundary() {
    assertThat(mismatches(RECRUITER, RECRUITER)).isEmpty();
  }

  @Test
  void aChangedBracketValueIsAMismatchNamingThePart() {
    assertThat(mismatches(RECRUITER, copy(RECRUITER, "linkedin[follow_up][scheduled_time][days]", "2", false)))
        .anySatisfy(m -> assertThat(m).contains("'5'").contains("'2'"));
  }

  @Test
  void aMissingFieldIsAMismatch() {
    assertThat(mismatches(RECRUITER, copy(RECRUITER, "linkedin[visibility]", null, true))).isNotEmpty();
  }

  @Test
  void anExtraFieldIsAMismatch() {
    PactForm extra = copy(RECRUITER, "", null, false).text("linkedin[job_posting_id]", "job_1");
    assertThat(mismatches(RECRUITER, extra))
        .contains("Expected a multipart message with 12 part(s), but received one with 13 part(s)");
  }

  @Test
  void fieldsAreComparedInOrder() {
    PactForm swapped = new PactForm().text("attendees_ids", "ACoAAB1").text("account_id", "acc_1")
        .text("text", "Hello from the pact");
    assertThat(mismatches(UnipileChatConsumerPactTest.PLAIN, swapped)).isNotEmpty();
  }

  @Test
  void aPactFromTheRequestIsTheSameWhicheverOrderTheOptionsWereWrittenIn() {
    String specOrder = """
        {"api":"recruiter","signature":"Jane","visibility":"PROJECT",
         "follow_up":{"subject":"s","text":"t","scheduled_time":{"days":5,"timezone":"Europe/Paris"}}}""";
    String shuffled = """
        {"follow_up":{"scheduled_time":{"timezone":"Europe/Paris","days":5},"text":"t","subject":"s"},
         "visibility":"PROJECT","signature":"Jane","api":"recruiter"}""";

    PactForm expected = PactForm.of(request(LinkedInOptions.fromJson(specOrder)));
    PactForm actual = PactForm.of(request(LinkedInOptions.fromJson(shuffled)));

    assertThat(actual.describe()).isEqualTo(expected.describe());
    assertThat(mismatches(expected, actual)).isEmpty();
  }

  private static StartChatRequest request(LinkedInOptions options) {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").text("Hi").linkedIn(options).build();
  }
}
