package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request shape the client can produce, captured on the wire by a MockWebServer, read back with OkHttp's
 * MultipartReader, decoded with the shared bracket decoder and validated against the verbatim spec: the same
 * checks {@link PactSpecVerifier} applies to a pact's requests.
 */
class LiveRequestSpecTest {
  static final String KEY = "live-test-key";
  static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_1\",\"message_id\":\"msg_1\"}";

  static MockWebServer server;
  static UnipileChatClient client;
  static PactSpecVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey(KEY).maxRetries(0).build();
    verifier = PactSpecVerifier.bundled();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  static Attachment file(String name, String content) {
    return Attachment.of(name, content.getBytes(StandardCharsets.UTF_8));
  }

  static StartChatRequest.Builder base() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  static Stream<Arguments> shapes() {
    Map<String, StartChatRequest> shapes = new LinkedHashMap<>();
    shapes.put("plain", base().text("Hello").build());
    shapes.put("no text, one attendee", base().build());
    shapes.put("several attendees and a subject", StartChatRequest.builder().accountId("acc_1")
        .attendees(List.of("ACo1", "ACo2", "ACo3")).text("Hi all").subject("Project kickoff").build());
    shapes.put("attachments", base().text("Files").attachment(file("cv.pdf", "%PDF-1.4"))
        .attachment(file("logo.png", "png")).attachment(file("notes.txt", "notes")).build());
    shapes.put("voice message", base().voiceMessage(file("voice.m4a", "m4a")).build());
    shapes.put("video message", base().text("Watch this").videoMessage(file("intro.mp4", "mp4")).build());
    shapes.put("classic InMail with topic", base().text("About careers")
        .linkedIn(LinkedInOptions.fromJson("{\"api\":\"classic\",\"inmail\":true,\"topic\":\"careers\"}")).build());
    shapes.put("classic with applicant and invitation", base().text("Hi")
        .linkedIn(LinkedInOptions.fromJson(
            "{\"api\":\"classic\",\"applicant_id\":\"app_1\",\"invitation_id\":\"inv_1\"}")).build());
    shapes.put("recruiter, days follow-up and follow-up files", base().text("A role")
        .linkedIn(LinkedInOptions.fromJson(UnipileChatConsumerPactTest.RECRUITER_DAYS,
            List.of(file("notes.txt", "n"), file("brochure.pdf", "%PDF")))).build());
    shapes.put("recruiter, weeks follow-up and a follow-up file", base().text("A role")
        .linkedIn(LinkedInOptions.fromJson(UnipileChatConsumerPactTest.RECRUITER_WEEKS,
            List.of(file("notes.txt", "n")))).build());
    shapes.put("recruiter, every option", base().text("<strong>A role</strong>")
        .linkedIn(LinkedInOptions.fromJson("""
            {"api":"recruiter","signature":"Jane","hiring_project_id":"p","job_posting_id":"j",
             "email_address":"x@example.com","visibility":"PUBLIC",
             "follow_up":{"subject":"s","text":"t","scheduled_time":{"days":28,"timezone":"UTC"}}}""")).build());
    shapes.put("sales navigator", base().text("Hello")
        .linkedIn(LinkedInOptions.fromJson("{\"api\":\"sales_navigator\"}")).build());
    shapes.put("unicode everywhere", StartChatRequest.builder().accountId("acc_ü").attendee("ACo-日本")
        .text("Grüße 👋 — «ça va?»").subject("Ünïcødé").attachment(file("résumé ü.pdf", "%PDF"))
        .linkedIn(LinkedInOptions.fromJson("""
            {"api":"recruiter","signature":"Zoë — 採用","follow_up":{"subject":"Ça suit","text":"次は？",
             "scheduled_time":{"weeks":1,"timezone":"Asia/Tokyo"}}}""")).build());
    return shapes.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyRequestShapeConformsToTheSpec(String shape, StartChatRequest request) throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body(CREATED).build());
    client.startChat(request);
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded).as("the request reached the server").isNotNull();

    PactFile.Message message = captured(recorded);
    assertThat(MultipartFields.read(message.body().orElseThrow(), message.mediaType().orElseThrow()))
        .as("OkHttp's MultipartReader reads the body").isNotEmpty();
    assertThat(verifier.verifyRequest(shape, message)).as("spec violations of '%s'", shape).isEmpty();
  }

  @Test
  void theVerifierSeesABrokenCapturedRequest() throws Exception {
    // The same capture, with the body swapped for one that drops attendees_ids: the checks are live.
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body(CREATED).build());
    client.startChat(base().text("Hello").build());
    PactFile.Message message = captured(server.takeRequest(5, TimeUnit.SECONDS));
    String type = message.mediaType().orElseThrow();
    String boundary = okhttp3.MediaType.get(type).parameter("boundary");
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\nacc_1\r\n--"
        + boundary + "--\r\n";
    PactFile.Message broken = new PactFile.Message(message.method(), message.path(), 0, message.headers(),
        Optional.of(body.getBytes(StandardCharsets.UTF_8)), Optional.of(type));
    assertThat(verifier.verifyRequest("broken", broken)).extracting(PactViolation::toString)
        .anySatisfy(line -> assertThat(line).contains("attendees_ids"));
  }

  private static PactFile.Message captured(RecordedRequest recorded) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : recorded.getHeaders().names()) {
      headers.put(name, recorded.getHeaders().values(name));
    }
    byte[] body = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
    return new PactFile.Message(recorded.getMethod(), recorded.getUrl().encodedPath(), 0, headers,
        Optional.of(body), Optional.ofNullable(recorded.getHeaders().get("Content-Type")));
  }
}
