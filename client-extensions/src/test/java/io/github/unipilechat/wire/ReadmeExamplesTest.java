package io.github.unipilechat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's code, run as written (only the target differs), so the README cannot drift from the API. */
class ReadmeExamplesTest {
  @RegisterExtension final ChatServer chat = new ChatServer();

  @Test
  void sendingFilesExample() throws Exception {
    chat.enqueueCreated();
    UnipileChatClient client = chat.client();
    byte[] pngBytes = Fixtures.bytes("logo.png");
    java.io.InputStream audioStream = new java.io.ByteArrayInputStream(Fixtures.bytes("voice.m4a"));
    Path cvPath = Fixtures.path("cv.pdf");

    // README: Sending files
    StartChatRequest request = StartChatRequest.builder()
        .accountId("acc_1")
        .attendee("ACoAAB1")
        .text("Here is the job description")
        .attachment(Attachment.of(cvPath))                                   // streamed from disk
        .attachment(Attachment.of("logo.png", pngBytes))                     // from memory
        .attachment(Attachment.of("scan", pngBytes).withContentType("image/png"))
        .voiceMessage(Attachment.of("hello.m4a", audioStream))               // read once: never retried
        .build();
    ChatStarted started = client.startChat(request);

    assertThat(started.chatId()).contains("chat_1");
    assertThat(chat.captured().all("attachments")).hasSize(3);
  }

  @Test
  void linkedInTypedExample() throws Exception {
    chat.enqueueCreated();
    chat.enqueueCreated();
    chat.enqueueCreated();
    UnipileChatClient client = chat.client();
    Path brochurePath = Fixtures.path("cv.pdf");

    // README: LinkedIn options (classic)
    LinkedInOptions inmail = LinkedInOptions.classic(new ClassicOptions()
        .inmail(true)
        .topic(ClassicOptions.TopicEnum.CAREERS));

    // README: LinkedIn options (recruiter, follow-up in 5 days with a file)
    LinkedInOptions recruiter = LinkedInOptions.recruiter(new RecruiterOptions()
            .hiringProjectId("proj_42")
            .visibility(RecruiterOptions.VisibilityEnum.PROJECT)
            .followUp(new FollowUpConfig()
                .subject("Following up")
                .text("Any thoughts on the role?")
                .scheduledTime(new FollowUpConfigScheduledTime().days(5).timezone("Europe/Paris"))),
        Attachment.of(brochurePath));

    // README: LinkedIn options (sales navigator)
    LinkedInOptions salesNavigator = LinkedInOptions.salesNavigator();

    for (LinkedInOptions options : List.of(inmail, recruiter, salesNavigator)) {
      client.startChat(StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").text("Hi").linkedIn(options).build());
    }

    assertThat(chat.captured().text("linkedin[inmail]")).isEqualTo("true");
    assertThat(chat.captured().text("linkedin[follow_up][scheduled_time][days]")).isEqualTo("5");
    assertThat(chat.captured().text("linkedin[api]")).isEqualTo("sales_navigator");
  }

  @Test
  void linkedInJsonExample() throws Exception {
    chat.enqueueCreated();

    // README: LinkedIn options (JSON, as the command line takes them)
    LinkedInOptions options = LinkedInOptions.fromJson("""
        {"api": "recruiter",
         "follow_up": {"subject": "Checking in", "text": "Still interested?",
                       "scheduled_time": {"weeks": 2, "timezone": "America/Phoenix"}}}
        """);
    chat.client().startChat(StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").linkedIn(options).build());

    assertThat(chat.captured().text("linkedin[follow_up][scheduled_time][weeks]")).isEqualTo("2");
  }

  @Test
  void responseCheckExample() {
    chat.enqueue(201, "{\"object\":\"ChatStarted\",\"chatId\":\"chat_1\",\"message_id\":\"msg_1\"}");
    StartChatRequest request = ChatServer.request();
    java.util.List<String> logged = new java.util.ArrayList<>();

    // README: Response check (drift); the target and the logger differ
    java.util.Map<io.github.unipilechat.drift.DriftFinding.Kind, java.util.concurrent.atomic.LongAdder> drift =
        new java.util.concurrent.ConcurrentHashMap<>();
    UnipileChatClient client = chat.builder()
        .driftListener(finding -> drift.computeIfAbsent(finding.kind(),
            k -> new java.util.concurrent.atomic.LongAdder()).increment())
        .build();
    try {
      client.startChat(request, io.github.unipilechat.CallOptions.builder()
          .checkResponse(io.github.unipilechat.drift.ResponseCheck.FAIL).build());
    } catch (io.github.unipilechat.drift.ResponseDriftException e) {
      e.result(ChatStarted.class).ifPresent(started -> logged.add("started " + started + ", but the answer drifted: "
          + e.findings()));
    }
    client.close();

    assertThat(drift).containsOnlyKeys(io.github.unipilechat.drift.DriftFinding.Kind.MISSING_FIELD,
        io.github.unipilechat.drift.DriftFinding.Kind.NOT_DESCRIBED);
    assertThat(logged).singleElement().asString().contains("message_id=msg_1", "/chatId");
  }
}
