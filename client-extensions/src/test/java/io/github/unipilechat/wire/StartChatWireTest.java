package io.github.unipilechat.wire;

import io.github.unipilechat.SpecOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.wire.CapturedForm.CapturedPart;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartChatWireTest {
  @RegisterExtension final ChatServer chat = new ChatServer();

  private static StartChatRequest.Builder minimal() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  @Test
  void postsMultipartToChatsWithApiKey() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().text("Hello").build());

    RecordedRequest request = chat.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/chats");
    assertThat(request.getHeaders().get("X-API-KEY")).isEqualTo(ChatServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
  }

  @Test
  void plainFieldsAreOneTextPartEach() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().text("Hello").subject("Hi there").build());

    CapturedForm form = chat.captured();
    assertThat(form.names()).containsExactlyInAnyOrder("account_id", "attendees_ids", "text", "subject");
    CapturedPart account = form.one("account_id");
    assertThat(account.text()).isEqualTo("acc_1");
    assertThat(account.fileName()).isNull();
    assertThat(account.contentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(form.text("text")).isEqualTo("Hello");
    assertThat(form.text("subject")).isEqualTo("Hi there");
  }

  @Test
  void attendeesAreRepeatedInOrder() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().attendee("ACoAAB2").attendee("ACoAAB3").build());

    assertThat(chat.captured().all("attendees_ids")).extracting(CapturedPart::text)
        .containsExactly("ACoAAB1", "ACoAAB2", "ACoAAB3");
  }

  @Test
  void unsetFieldsSendNoPart() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().text("").build());

    CapturedForm form = chat.captured();
    // Exactly the two fields set, in the order the spec lists them (the client sends parts in that order).
    assertThat(form.names()).containsExactlyElementsOf(
        SpecOrder.inOrder(SpecOrder.requestFields(), List.of("account_id", "attendees_ids")));
    assertThat(form.parts()).noneMatch(p -> p.text().equals("null") || p.body().size() == 0);
  }

  @Test
  void unicodeAndHtmlTextArriveAsUtf8() throws Exception {
    String text = "Bonjour Zoë 👋 <strong>CDI</strong> à Paris — <a href=\"www.my-link.com\">offre</a>";
    chat.enqueueCreated();
    chat.client().startChat(minimal().text(text).subject("Café ☕").build());

    CapturedForm form = chat.captured();
    assertThat(form.text("text")).isEqualTo(text);
    assertThat(form.text("subject")).isEqualTo("Café ☕");
  }

  @Test
  void severalAttachmentsAreOneFilePartEachInOrder() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal()
        .attachment(Attachment.of(Fixtures.path("cv.pdf")))
        .attachment(Attachment.of("logo.png", Fixtures.bytes("logo.png")))
        .attachment(Attachment.of("notes.txt", new java.io.ByteArrayInputStream(Fixtures.bytes("notes.txt"))))
        .build());

    List<CapturedPart> files = chat.captured().all("attachments");
    assertThat(files).extracting(CapturedPart::fileName).containsExactly("cv.pdf", "logo.png", "notes.txt");
    assertThat(files).extracting(CapturedPart::contentType).containsExactly("application/pdf", "image/png", "text/plain");
    assertThat(files.get(0).body()).isEqualTo(ByteString.of(Fixtures.bytes("cv.pdf")));
    assertThat(files.get(1).body()).isEqualTo(ByteString.of(Fixtures.bytes("logo.png")));
    assertThat(files.get(2).body()).isEqualTo(ByteString.of(Fixtures.bytes("notes.txt")));
  }

  @Test
  void overriddenContentTypeIsSent() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal()
        .attachment(Attachment.of("scan", Fixtures.bytes("cv.pdf")).withContentType("application/pdf"))
        .attachment(Attachment.of("blob.bin", new byte[] {1, 2, 3}))
        .build());

    assertThat(chat.captured().all("attachments")).extracting(CapturedPart::contentType)
        .containsExactly("application/pdf", "application/octet-stream");
  }

  @Test
  void voiceAndVideoAreFileParts() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal()
        .voiceMessage(Attachment.of(Fixtures.path("voice.m4a")))
        .videoMessage(Attachment.of(Fixtures.path("intro.mp4")))
        .build());

    CapturedForm form = chat.captured();
    CapturedPart voice = form.one("voice_message");
    assertThat(voice.fileName()).isEqualTo("voice.m4a");
    assertThat(voice.contentType()).isEqualTo("audio/mp4");
    assertThat(voice.body()).isEqualTo(ByteString.of(Fixtures.bytes("voice.m4a")));
    CapturedPart video = form.one("video_message");
    assertThat(video.fileName()).isEqualTo("intro.mp4");
    assertThat(video.contentType()).isEqualTo("video/mp4");
    assertThat(video.body().size()).isEqualTo(4096);
  }

  @Test
  void classicOptionsAreBracketFields() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.classic(new ClassicOptions()
        .api(ClassicOptions.ApiEnum.CLASSIC).inmail(true).topic(ClassicOptions.TopicEnum.CAREERS))).build());

    CapturedForm form = chat.captured();
    assertThat(form.text("linkedin[api]")).isEqualTo("classic");
    assertThat(form.text("linkedin[inmail]")).isEqualTo("true");
    assertThat(form.text("linkedin[topic]")).isEqualTo("careers");
    assertThat(form.names()).doesNotContain("linkedin");
    assertThat(form.one("linkedin[inmail]").contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void classicInvitationAndApplicantIdsAreSent() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.classic(new ClassicOptions()
        .invitationId("inv_9").applicantId("app_7").inmail(false))).build());

    CapturedForm form = chat.captured();
    assertThat(form.text("linkedin[invitation_id]")).isEqualTo("inv_9");
    assertThat(form.text("linkedin[applicant_id]")).isEqualTo("app_7");
    assertThat(form.text("linkedin[inmail]")).isEqualTo("false");
    assertThat(form.names()).doesNotContain("linkedin[api]");
  }

  @Test
  void recruiterDaysFollowUpIsNestedBracketFields() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.recruiter(new RecruiterOptions()
        .signature("Jane").hiringProjectId("proj_42").jobPostingId("job_1").emailAddress("cand@example.com")
        .visibility(RecruiterOptions.VisibilityEnum.PROJECT)
        .followUp(new FollowUpConfig().subject("Following up").text("Any thoughts?")
            .scheduledTime(new FollowUpConfigScheduledTime().days(5).timezone("Europe/Paris"))))).build());

    CapturedForm form = chat.captured();
    assertThat(form.text("linkedin[api]")).isEqualTo("recruiter");
    assertThat(form.text("linkedin[signature]")).isEqualTo("Jane");
    assertThat(form.text("linkedin[hiring_project_id]")).isEqualTo("proj_42");
    assertThat(form.text("linkedin[job_posting_id]")).isEqualTo("job_1");
    assertThat(form.text("linkedin[email_address]")).isEqualTo("cand@example.com");
    assertThat(form.text("linkedin[visibility]")).isEqualTo("PROJECT");
    assertThat(form.text("linkedin[follow_up][subject]")).isEqualTo("Following up");
    assertThat(form.text("linkedin[follow_up][text]")).isEqualTo("Any thoughts?");
    assertThat(form.text("linkedin[follow_up][scheduled_time][days]")).isEqualTo("5");
    assertThat(form.text("linkedin[follow_up][scheduled_time][timezone]")).isEqualTo("Europe/Paris");
    assertThat(form.names()).doesNotContain("linkedin[follow_up][scheduled_time][weeks]");
  }

  @Test
  void recruiterWeeksFollowUpIsAWholeNumber() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.fromJson(Fixtures.text("recruiter-weeks.json"))).build());

    CapturedForm form = chat.captured();
    assertThat(form.text("linkedin[follow_up][scheduled_time][weeks]")).isEqualTo("2");
    assertThat(form.text("linkedin[follow_up][scheduled_time][timezone]")).isEqualTo("America/Phoenix");
    assertThat(form.names()).doesNotContain("linkedin[follow_up][scheduled_time][days]");
  }

  @Test
  void followUpFilesAreFilePartsUnderTheirBracketName() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.fromJson(Fixtures.text("recruiter-days.json"),
        List.of(Attachment.of(Fixtures.path("cv.pdf")), Attachment.of("deck.pdf", Fixtures.bytes("cv.pdf"))))).build());

    List<CapturedPart> files = chat.captured().all("linkedin[follow_up][attachments]");
    assertThat(files).extracting(CapturedPart::fileName).containsExactly("cv.pdf", "deck.pdf");
    assertThat(files).extracting(CapturedPart::contentType).containsOnly("application/pdf");
    assertThat(files.get(0).body()).isEqualTo(ByteString.of(Fixtures.bytes("cv.pdf")));
  }

  @Test
  void followUpFilesOnTheGeneratedModelAreSentAsFiles() throws Exception {
    chat.enqueueCreated();
    RecruiterOptions options = new RecruiterOptions().followUp(new FollowUpConfig().subject("s").text("t")
        .scheduledTime(new FollowUpConfigScheduledTime().days(3).timezone("UTC"))
        .addAttachmentsItem(Fixtures.path("notes.txt").toFile()));
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.recruiter(options)).build());

    CapturedPart file = chat.captured().one("linkedin[follow_up][attachments]");
    assertThat(file.fileName()).isEqualTo("notes.txt");
    assertThat(file.text()).isEqualTo("Notes for the follow-up.\n");
  }

  @Test
  void salesNavigatorSendsItsApi() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.salesNavigator()).build());

    CapturedForm form = chat.captured();
    assertThat(form.text("linkedin[api]")).isEqualTo("sales_navigator");
    assertThat(form.names()).filteredOn(n -> n.startsWith("linkedin")).containsExactly("linkedin[api]");
  }

  @Test
  void jsonOptionsAndTypedOptionsSendTheSameParts() throws Exception {
    chat.enqueueCreated();
    chat.enqueueCreated();
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.fromJson(Fixtures.text("classic-inmail.json"))).build());
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.classic(new ClassicOptions()
        .api(ClassicOptions.ApiEnum.CLASSIC).inmail(true).topic(ClassicOptions.TopicEnum.CAREERS))).build());

    assertThat(texts(chat.captured())).isEqualTo(texts(chat.captured()));
  }

  @Test
  void responseIdsAreReturned() {
    chat.enqueueCreated();
    ChatStarted started = chat.client().startChat(minimal().build());

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.chatId()).contains("chat_1");
    assertThat(started.messageId()).contains("msg_1");
    assertThat(started.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void nullIdsAreEmpty() {
    chat.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"ChatStarted\",\"chat_id\":null,\"message_id\":null}").build());

    ChatStarted started = chat.client().startChat(minimal().build());

    assertThat(started.chatId()).isEmpty();
    assertThat(started.messageId()).isEmpty();
  }

  @Test
  void asyncSendsTheSameRequest() throws Exception {
    chat.enqueueCreated();
    ChatStarted started = chat.client().startChatAsync(minimal().text("async").build()).get(5, TimeUnit.SECONDS);

    assertThat(started.chatId()).contains("chat_1");
    assertThat(chat.captured().text("text")).isEqualTo("async");
  }

  private static List<String> texts(CapturedForm form) {
    return form.parts().stream().map(p -> p.name() + "=" + p.text()).toList();
  }
}
