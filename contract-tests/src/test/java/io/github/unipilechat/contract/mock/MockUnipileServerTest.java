package io.github.unipilechat.contract.mock;

import io.github.unipilechat.contract.SpecFacts;
import static io.github.unipilechat.contract.mock.MockClient.file;
import static io.github.unipilechat.contract.mock.MockClient.form;
import static io.github.unipilechat.contract.mock.MockClient.post;
import static io.github.unipilechat.contract.mock.MockClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.mock.MockClient.Answer;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(MockUnipileExtension.class)
class MockUnipileServerTest {
  private static final byte[] PDF = "%PDF-1.4 test".getBytes();

  @Test
  void validChatIsCreatedWithUniqueIds(MockUnipileServer mock) {
    Answer first = post(mock, valid().addFormDataPart("text", "Hello"));
    Answer second = post(mock, valid());

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("object").asText()).isEqualTo("ChatStarted");
    assertThat(first.body().path("chat_id").asText()).isNotBlank().isNotEqualTo(second.body().path("chat_id").asText());
    assertThat(first.body().path("message_id").asText()).isNotEqualTo(second.body().path("message_id").asText());
  }

  @Test
  void classicOptionsAreAccepted(MockUnipileServer mock) {
    assertThat(post(mock, valid().addFormDataPart("linkedin[api]", "classic").addFormDataPart("linkedin[inmail]", "true")
        .addFormDataPart("linkedin[topic]", "careers")).status()).isEqualTo(201);
  }

  @Test
  void recruiterDaysFollowUpWithFileIsAccepted(MockUnipileServer mock) {
    Answer answer = post(mock, file(recruiterFollowUp("days", "5"), "linkedin[follow_up][attachments]", "brochure.pdf", PDF));

    assertThat(answer.status()).isEqualTo(201);
    JournalEntry entry = mock.journal().last();
    assertThat(entry.fields().at("/linkedin/follow_up/scheduled_time/days").asInt()).isEqualTo(5);
    assertThat(entry.files()).containsExactly(new ReceivedField.File("linkedin[follow_up][attachments]", "brochure.pdf", "application/pdf", PDF.length));
  }

  @Test
  void recruiterWeeksFollowUpIsAccepted(MockUnipileServer mock) {
    assertThat(post(mock, recruiterFollowUp("weeks", "2")).status()).isEqualTo(201);
  }

  @Test
  void salesNavigatorIsAccepted(MockUnipileServer mock) {
    assertThat(post(mock, valid().addFormDataPart("linkedin[api]", "sales_navigator")).status()).isEqualTo(201);
  }

  @Test
  void attachmentsVoiceAndVideoAreAccepted(MockUnipileServer mock) {
    Answer answer = post(mock, file(file(file(valid(), "attachments", "a.pdf", PDF), "attachments", "b.pdf", PDF), "voice_message", "v.m4a", PDF));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(mock.journal().last().fields().path("attachments")).hasSize(2);
  }

  @Test
  void missingAccountIdIsMissingParameters(MockUnipileServer mock) {
    Answer answer = post(mock, form().addFormDataPart("attendees_ids", "ACoAAB1"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/missing_parameters");
    assertThat(answer.detail()).isEqualTo("account_id: is required");
  }

  @Test
  void missingAttendeesIsMissingParameters(MockUnipileServer mock) {
    Answer answer = post(mock, form().addFormDataPart("account_id", "acc_1"));

    assertThat(answer.type()).isEqualTo("errors/missing_parameters");
    assertThat(answer.detail()).isEqualTo("attendees_ids: is required");
  }

  @Test
  void daysBelowThreeIsRefusedNamingTheField(MockUnipileServer mock) {
    Answer answer = post(mock, recruiterFollowUp("days", "2"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/invalid_parameters");
    assertThat(answer.detail()).isEqualTo("linkedin.follow_up.scheduled_time.days: must have a minimum value of 3");
  }

  @Test
  void weeksAboveFourIsRefused(MockUnipileServer mock) {
    assertThat(post(mock, recruiterFollowUp("weeks", "9")).detail())
        .isEqualTo("linkedin.follow_up.scheduled_time.weeks: must have a maximum value of 4");
  }

  @Test
  void daysThatIsNotANumberIsRefused(MockUnipileServer mock) {
    assertThat(post(mock, recruiterFollowUp("days", "five")).detail()).startsWith("linkedin.follow_up.scheduled_time.days:");
  }

  @Test
  void visibilityOutsideItsEnumIsRefused(MockUnipileServer mock) {
    Answer answer = post(mock, valid().addFormDataPart("linkedin[api]", "recruiter").addFormDataPart("linkedin[visibility]", "SECRET"));

    assertThat(answer.detail()).startsWith("linkedin.visibility:").contains("PUBLIC", "PRIVATE", "PROJECT");
  }

  @Test
  void unknownApiIsRefusedListingTheShapes(MockUnipileServer mock) {
    assertThat(post(mock, valid().addFormDataPart("linkedin[api]", "premium")).detail())
        .isEqualTo("linkedin.api: " + SpecFacts.unknownApiRule());
  }

  @Test
  void followUpWithoutRecruiterApiIsRefusedNamingTheApi(MockUnipileServer mock) {
    Answer answer = post(mock, valid().addFormDataPart("linkedin[follow_up][subject]", "Following up")
        .addFormDataPart("linkedin[follow_up][text]", "Any news?"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).isEqualTo("linkedin.follow_up: is not described by the spec for this shape"
        + " (only when linkedin.api is recruiter); the provider may ignore it");
  }

  @Test
  void linkedInAsOneJsonPartIsRefusedAndSaysWhy(MockUnipileServer mock) {
    RequestBody json = RequestBody.create("{\"api\":\"recruiter\"}", MediaType.get("application/json"));
    Answer answer = post(mock, valid().addPart(okhttp3.Headers.of("Content-Disposition", "form-data; name=\"linkedin\""), json));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).contains("linkedin: must be sent as bracket fields like linkedin[api], not as one JSON part");
  }

  @Test
  void fileWhereTextBelongsIsRefused(MockUnipileServer mock) {
    Answer answer = post(mock, file(form().addFormDataPart("attendees_ids", "a"), "account_id", "id.txt", PDF));

    assertThat(answer.detail()).contains("account_id: must be a text field, not a file");
  }

  @Test
  void missingKeyIsUnauthorized(MockUnipileServer mock) {
    Answer answer = post(mock, valid().build());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.type()).isEqualTo("errors/missing_credentials");
  }

  @Test
  void notMultipartIsMalformed(MockUnipileServer mock) {
    Answer answer = post(mock, RequestBody.create("{}", MediaType.get("application/json")), "X-API-KEY", MockClient.KEY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/malformed_request");
  }

  static Stream<Arguments> documentedErrors() {
    return SpecValidator.bundled().errorTypes().entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(type -> Arguments.of(e.getKey(), type)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documentedErrors")
  void everyDocumentedErrorCanBeRequested(int status, String type, MockUnipileServer mock) {
    Answer answer = post(mock, valid(), "Prefer", "code=" + status + ", type=" + type);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.type()).isEqualTo(type);
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
  }

  @Test
  void preferCodeAloneGivesTheFirstTypeOfThatStatus(MockUnipileServer mock) {
    assertThat(post(mock, valid(), "Prefer", "code=504").type()).isEqualTo("errors/request_timeout");
  }

  @Test
  void rateLimitAnswersCarryRetryAfter(MockUnipileServer mock) {
    assertThat(post(mock, valid(), "Prefer", "code=429").retryAfter()).isEqualTo("1");
  }

  @Test
  void typeOfAnotherStatusIsRefused(MockUnipileServer mock) {
    Answer answer = post(mock, valid(), "Prefer", "code=422, type=errors/too_many_requests");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).contains("errors/too_many_requests", "422");
  }

  @Test
  void undocumentedCodeIsRefused(MockUnipileServer mock) {
    assertThat(post(mock, valid(), "Prefer", "code=418").detail()).contains("418", "not a documented");
  }

  @Test
  void invalidRequestWinsOverPrefer(MockUnipileServer mock) {
    assertThat(post(mock, recruiterFollowUp("days", "2"), "Prefer", "code=422").status()).isEqualTo(400);
  }

  @Test
  void delayHoldsTheAnswer(MockUnipileServer mock) {
    long start = System.nanoTime();
    Answer answer = post(mock, valid(), "Prefer", "delay=300");

    assertThat(answer.status()).isEqualTo(201);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void delayBeyondSixtySecondsIsRefused(MockUnipileServer mock) {
    Answer answer = post(mock, valid(), "Prefer", "delay=60001");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).contains("delay");
  }

  @Test
  void preferByDefaultAppliesToRequestsWithoutTheHeader(MockUnipileServer mock) {
    mock.preferByDefault("code=401, type=errors/disconnected_account");

    assertThat(post(mock, valid()).type()).isEqualTo("errors/disconnected_account");
  }

  @Test
  void journalKeepsDecodedFieldsAndHidesTheKey(MockUnipileServer mock) {
    post(mock, file(valid().addFormDataPart("attendees_ids", "ACoAAB2").addFormDataPart("text", "Héllo 👋"), "attachments", "cv.pdf", PDF));

    JournalEntry entry = mock.journal().last();
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.text("account_id")).isEqualTo("acc_1");
    assertThat(entry.text("text")).isEqualTo("Héllo 👋");
    assertThat(entry.fields().path("attendees_ids").toString()).isEqualTo("[\"ACoAAB1\",\"ACoAAB2\"]");
    assertThat(entry.files()).extracting(ReceivedField.File::fileName).containsExactly("cv.pdf");
    assertThat(entry.headers()).containsEntry("X-API-KEY", "[redacted]");
    assertThat(entry.headers().values()).doesNotContain(MockClient.KEY);
  }

  @Test
  void refusedRequestsAreJournaledWithTheirViolations(MockUnipileServer mock) {
    post(mock, recruiterFollowUp("days", "2"));

    assertThat(mock.journal().last().violations()).extracting(v -> v.field())
        .containsExactly("linkedin.follow_up.scheduled_time.days");
  }

  @Test
  void twoHundredConcurrentRequestsAllSucceed(MockUnipileServer mock) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(200);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "acc_" + i;
        answers.add(pool.submit(() -> post(mock, form().addFormDataPart("account_id", id).addFormDataPart("attendees_ids", "a"))));
      }
      for (Future<Answer> answer : answers) {
        assertThat(answer.get().status()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mock.journal().size()).isEqualTo(200);
    assertThat(mock.journal().entries()).extracting(e -> e.text("account_id")).doesNotHaveDuplicates();
  }

  @Test
  void expectedKeyRefusesOthers() {
    try (MockUnipileServer strict = MockUnipileServer.builder().expectedApiKey("right").build().start()) {
      Answer answer = post(strict, valid().build(), "X-API-KEY", "wrong");

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.type()).isEqualTo("errors/invalid_credentials");
    }
  }

  @Test
  void bindsToLoopbackByDefault(MockUnipileServer mock) {
    assertThat(mock.baseUrl()).startsWith("http://127.0.0.1:");
  }

  private static okhttp3.MultipartBody.Builder recruiterFollowUp(String unit, String amount) {
    return valid().addFormDataPart("linkedin[api]", "recruiter")
        .addFormDataPart("linkedin[follow_up][subject]", "Following up")
        .addFormDataPart("linkedin[follow_up][text]", "Any news?")
        .addFormDataPart("linkedin[follow_up][scheduled_time][" + unit + "]", amount)
        .addFormDataPart("linkedin[follow_up][scheduled_time][timezone]", "Europe/Paris");
  }
}
