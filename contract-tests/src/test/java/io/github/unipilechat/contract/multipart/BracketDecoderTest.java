package io.github.unipilechat.contract.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BracketDecoderTest {
  private static final BracketDecoder DECODER = SpecValidator.bundled().decoder();

  private static DecodedRequest decode(ReceivedField... fields) {
    return DECODER.decode(List.of(fields));
  }

  private static ReceivedField text(String name, String value) {
    return new ReceivedField.Text(name, value);
  }

  @Test
  void bracketNamesBecomeNestedObjects() {
    DecodedRequest decoded = decode(text("linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris"));

    assertThat(decoded.fields().toString()).isEqualTo("{\"linkedin\":{\"follow_up\":{\"scheduled_time\":{\"timezone\":\"Europe/Paris\"}}}}");
  }

  @Test
  void numbersAndBooleansAreTypedFromTheSchema() {
    DecodedRequest decoded = decode(text("linkedin[follow_up][scheduled_time][days]", "5"), text("linkedin[inmail]", "true"));

    assertThat(decoded.fields().at("/linkedin/follow_up/scheduled_time/days").isNumber()).isTrue();
    assertThat(decoded.fields().at("/linkedin/follow_up/scheduled_time/days").asInt()).isEqualTo(5);
    assertThat(decoded.fields().at("/linkedin/inmail").isBoolean()).isTrue();
  }

  @Test
  void valuesThatDoNotParseStayStringsForTheValidatorToReport() {
    DecodedRequest decoded = decode(text("linkedin[follow_up][scheduled_time][weeks]", "two"), text("linkedin[inmail]", "yes"));

    assertThat(decoded.fields().at("/linkedin/follow_up/scheduled_time/weeks").asText()).isEqualTo("two");
    assertThat(decoded.fields().at("/linkedin/inmail").isTextual()).isTrue();
  }

  @Test
  void aSingleValueOfAnArrayPropertyIsStillAnArray() {
    assertThat(decode(text("attendees_ids", "ACoAAB1")).fields().get("attendees_ids").toString()).isEqualTo("[\"ACoAAB1\"]");
  }

  @Test
  void repeatedArrayFieldsKeepTheirOrder() {
    DecodedRequest decoded = decode(text("attendees_ids", "a"), text("attendees_ids[]", "b"), text("attendees_ids", "c"));

    assertThat(decoded.fields().get("attendees_ids").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
  }

  @Test
  void textsAreNotTypedAsNumbersWhereTheSchemaSaysString() {
    assertThat(decode(text("account_id", "123")).fields().get("account_id").isTextual()).isTrue();
  }

  @Test
  void filesBecomeTheirFileNameAndKeepTheirDetails() {
    ReceivedField.File cv = new ReceivedField.File("attachments", "cv.pdf", "application/pdf", 1234);
    ReceivedField.File follow = new ReceivedField.File("linkedin[follow_up][attachments]", "b.pdf", "application/pdf", 9);

    DecodedRequest decoded = decode(cv, follow);

    assertThat(decoded.fields().toString())
        .isEqualTo("{\"attachments\":[\"cv.pdf\"],\"linkedin\":{\"follow_up\":{\"attachments\":[\"b.pdf\"]}}}");
    assertThat(decoded.files()).containsExactly(cv, follow);
    assertThat(decoded.formViolations()).isEmpty();
  }

  @Test
  void linkedInAsOneJsonPartStaysAStringAndIsFlagged() {
    DecodedRequest decoded = decode(text("linkedin", "{\"api\":\"recruiter\"}"));

    assertThat(decoded.fields().get("linkedin").isTextual()).isTrue();
    assertThat(decoded.formViolations()).containsExactly(
        new Violation("linkedin", "must be sent as bracket fields like linkedin[api], not as one JSON part"));
  }

  @Test
  void textWhereAFileBelongsIsFlagged() {
    assertThat(decode(text("voice_message", "base64...")).formViolations()).extracting(Violation::field).containsExactly("voice_message");
  }

  @Test
  void malformedBracketNameIsFlagged() {
    assertThat(decode(text("linkedin[api", "recruiter")).formViolations())
        .containsExactly(new Violation("linkedin[api", "is not a valid field name"));
  }
}
