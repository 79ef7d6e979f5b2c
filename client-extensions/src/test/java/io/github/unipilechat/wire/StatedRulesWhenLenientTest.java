package io.github.unipilechat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code acceptNotDescribed(true)} admits what the spec does not describe and nothing else: never a second value for
 * a described field or key, a value its rule refuses, a key holding a bracket or a control character. Every refusal
 * here is of kind RULE, and nothing reaches the server; bracket names ({@code linkedin[api]}) are a field's keys.
 */
class StatedRulesWhenLenientTest {
  @RegisterExtension final ChatServer chat = new ChatServer();

  private static StartChatRequest.Builder lenient() {
    return StartChatRequest.builder().acceptNotDescribed(true).accountId("acc_1").attendee("ACoAAB1");
  }

  private static void refusedAsRule(Runnable building, String field, String words) {
    assertThatThrownBy(building::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.violations()).extracting(Violation::kind).containsOnly(Violation.Kind.RULE);
      assertThat(e.violations()).anySatisfy(v -> {
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.rule()).contains(words);
      });
    });
  }

  @Test
  void aBracketNameBesideTheWholeObjectIsRefused() {
    StartChatRequest.Builder builder = lenient().linkedIn(LinkedInOptions.fromJson("{\"api\":\"classic\",\"inmail\":true}"));

    refusedAsRule(() -> builder.field("linkedin[api]", "recruiter"), "linkedin", "given twice");
  }

  @Test
  void theWholeObjectBesideItsTypedSetterIsRefused() {
    StartChatRequest.Builder builder = lenient().linkedIn(LinkedInOptions.fromJson("{\"inmail\":true}"));

    refusedAsRule(() -> builder.field("linkedin", "{\"api\":\"sales_navigator\"}"), "linkedin", "given twice");
  }

  @Test
  void theWholeObjectAfterBracketNamesIsRefused() {
    StartChatRequest.Builder builder = lenient().field("linkedin[inmail]", "true");

    refusedAsRule(() -> builder.field("linkedin", "{\"inmail\":true}"), "linkedin", "given twice");
  }

  @Test
  void aKeyGivenTwiceByBracketNamesIsRefused() {
    StartChatRequest.Builder builder = lenient().field("linkedin[api]", "recruiter");

    refusedAsRule(() -> builder.field("linkedin[api]", "classic"), "linkedin.api", "given twice");
  }

  @Test
  void aValueItsRuleRefusesIsRefusedThroughBracketNames() {
    StartChatRequest.Builder builder = lenient().field("linkedin[api]", "recruiter")
        .field("linkedin[follow_up][subject]", "s").field("linkedin[follow_up][text]", "t")
        .field("linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris")
        .field("linkedin[follow_up][scheduled_time][days]", "1");

    refusedAsRule(builder::build, "linkedin.follow_up.scheduled_time.days", "minimum");
    assertThat(chat.requests()).isZero();
  }

  @Test
  void aJsonKeyHoldingBracketsIsRefused() {
    refusedAsRule(() -> lenient().linkedIn(LinkedInOptions.fromJson("{\"follow_up][scheduled_time][days\":1}")).build(),
        "linkedin.follow_up][scheduled_time][days", "'['");
  }

  @Test
  void anObjectKeyHoldingAControlCharacterIsRefused() {
    refusedAsRule(() -> lenient().linkedIn(LinkedInOptions.fromJson("{\"in\\u001bmail\":true}")).build(),
        "linkedin.in\\u001bmail", "control character (U+001B at index 2)");
  }

  @Test
  void namesHoldingEscOrDelAreRefused() {
    refusedAsRule(() -> lenient().field("foo\u001b[2J", "x"), "foo\\u001b[2J", "U+001B at index 3");
    refusedAsRule(() -> lenient().field("foo\u007f", "x"), "foo\\u007f", "U+007F at index 3");
    refusedAsRule(() -> lenient().field("voice\u001b", Attachment.of("a.m4a", new byte[1])), "voice\\u001b", "U+001B");
  }

  @Test
  void aBracketNameUnderAFieldTheSpecLacksIsRefused() {
    refusedAsRule(() -> lenient().field("foo[bar]", "x"), "foo[bar]", "only the keys of an object field");
  }

  @Test
  void aMalformedBracketNameIsRefused() {
    for (String name : new String[] {"linkedin]", "linkedin[api", "linkedin[api]x", "linkedin[]", "[api]"}) {
      refusedAsRule(() -> lenient().field(name, "x"), name, "not a field name");
    }
  }

  @Test
  void aNameTheSpecLacksGivenTwiceIsRefused() {
    StartChatRequest.Builder builder = lenient().field("no_such_field", "1");

    refusedAsRule(() -> builder.field("no_such_field", "2"), "no_such_field", "given twice");
  }

  @Test
  void bracketNamesSendTheObjectLikeItsJson() throws Exception {
    chat.enqueueCreated();
    chat.enqueueCreated();
    chat.client().startChat(StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1")
        .field("linkedin[signature]", "Jane").field("linkedin[api]", "recruiter").build());
    chat.client().startChat(StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1")
        .linkedIn(LinkedInOptions.fromJson("{\"api\":\"recruiter\",\"signature\":\"Jane\"}")).build());

    CapturedForm bracketed = chat.captured();
    CapturedForm json = chat.captured();
    assertThat(bracketed.names()).isEqualTo(json.names()).containsOnlyOnce("linkedin[api]");
    assertThat(bracketed.text("linkedin[api]")).isEqualTo("recruiter");
    assertThat(bracketed.text("linkedin[signature]")).isEqualTo("Jane");
  }

  @Test
  void aKeyTheSpecLacksIsSentByBracketNameWhenLenient() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(lenient().field("linkedin[foo]", "x").build());

    assertThat(chat.captured().text("linkedin[foo]")).isEqualTo("x");
  }

  @Test
  void aKeyTheSpecLacksIsRefusedByBracketNameByDefault() {
    assertThatThrownBy(() -> StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1")
        .field("linkedin[foo]", "x").build()).isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.violations()).extracting(Violation::kind).contains(Violation.Kind.NOT_DESCRIBED));
  }
}
