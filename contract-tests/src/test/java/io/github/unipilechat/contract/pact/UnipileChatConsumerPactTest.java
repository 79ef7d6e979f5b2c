package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.HttpInteractionBuilder;
import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.TooManyRequestsException;
import io.github.unipilechat.errors.UnauthorizedException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnprocessableEntityException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the contract: the real {@link UnipileChatClient} talks to Pact's mock server, and every
 * interaction lands in {@code target/pacts/unipile-chat-java-unipile-chats-api.json} (V4). Each request body is
 * the complete list of multipart fields the client sends, in its order (bracket-named LinkedIn fields, repeated
 * attendees and attachments); Pact JVM 4.7.5 matches a multipart body part by part, so a field the client adds,
 * drops, renames or reorders fails the test (see PACT.md).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PactNames.PROVIDER, pactVersion = PactSpecVersion.V4)
class UnipileChatConsumerPactTest {
  static final String KEY = "pact-test-key";

  static final byte[] PDF = "%PDF-1.4\n% a tiny CV\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  static final byte[] NOTES = "Notes for the follow-up\n".getBytes(StandardCharsets.UTF_8);

  static final Attachment CV = Attachment.of("cv.pdf", PDF);
  static final Attachment LOGO = Attachment.of("logo.png", PNG);
  static final Attachment FOLLOW_UP_NOTES = Attachment.of("notes.txt", NOTES);

  static final String RECRUITER_DAYS = """
      {"api":"recruiter","signature":"Jane, Talent team","hiring_project_id":"proj_42","visibility":"PROJECT",
       "follow_up":{"subject":"Following up","text":"Any thoughts on the role?",
                    "scheduled_time":{"days":5,"timezone":"Europe/Paris"}}}""";
  static final String RECRUITER_WEEKS = """
      {"api":"recruiter","follow_up":{"subject":"Checking in","text":"Still interested?",
                    "scheduled_time":{"weeks":2,"timezone":"America/Phoenix"}}}""";
  static final String CLASSIC_INMAIL = """
      {"api":"classic","inmail":true,"topic":"careers"}""";
  static final String SALES_NAVIGATOR = """
      {"api":"sales_navigator"}""";

  // ---- the interactions ------------------------------------------------------------------------------------

  // Each pact is built from the very request its test sends (PactForm.of: the client's own encoder, its one
  // canonical part order), so no field is copied into the pact by hand.
  static final StartChatRequest PLAIN_REQUEST = base("acc_1", "ACoAAB1").text("Hello from the pact").build();
  static final StartChatRequest ATTACHMENTS_REQUEST = StartChatRequest.builder().accountId("acc_1")
      .attendees(List.of("ACoAAB1", "ACoAAB2")).text("Two files for you").attachment(CV).attachment(LOGO).build();
  static final StartChatRequest CLASSIC_REQUEST = base("acc_1", "ACoAAB1").text("An InMail about careers")
      .linkedIn(LinkedInOptions.fromJson(CLASSIC_INMAIL)).build();
  static final StartChatRequest RECRUITER_DAYS_REQUEST = base("acc_1", "ACoAAB1").text("A role you might like")
      .linkedIn(LinkedInOptions.fromJson(RECRUITER_DAYS, List.of(FOLLOW_UP_NOTES))).build();
  static final StartChatRequest RECRUITER_WEEKS_REQUEST = base("acc_1", "ACoAAB1").text("Checking in on the role")
      .linkedIn(LinkedInOptions.fromJson(RECRUITER_WEEKS)).build();
  static final StartChatRequest SALES_NAV_REQUEST = base("acc_1", "ACoAAB1").text("Hello from Sales Navigator")
      .linkedIn(LinkedInOptions.fromJson(SALES_NAVIGATOR)).build();
  static final StartChatRequest TO_STRANGER_REQUEST = base("acc_1", "ACoStranger").text("Hello stranger").build();
  static final StartChatRequest FROM_DISCONNECTED_REQUEST = base("acc_disconnected", "ACoAAB1").text("Hello").build();
  static final StartChatRequest RATE_LIMITED_REQUEST = base("acc_busy", "ACoAAB1").text("One too many").build();

  static final PactForm PLAIN = PactForm.of(PLAIN_REQUEST);
  static final PactForm ATTACHMENTS = PactForm.of(ATTACHMENTS_REQUEST);
  static final PactForm CLASSIC = PactForm.of(CLASSIC_REQUEST);
  static final PactForm RECRUITER_DAYS_FORM = PactForm.of(RECRUITER_DAYS_REQUEST);
  static final PactForm RECRUITER_WEEKS_FORM = PactForm.of(RECRUITER_WEEKS_REQUEST);
  static final PactForm SALES_NAV = PactForm.of(SALES_NAV_REQUEST);
  static final PactForm TO_STRANGER = PactForm.of(TO_STRANGER_REQUEST);
  static final PactForm FROM_DISCONNECTED = PactForm.of(FROM_DISCONNECTED_REQUEST);
  static final PactForm RATE_LIMITED = PactForm.of(RATE_LIMITED_REQUEST);

  private static StartChatRequest.Builder base(String accountId, String attendee) {
    return StartChatRequest.builder().accountId(accountId).attendee(attendee);
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact plainChat(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction("start a plain chat",
        created(PLAIN, "chat_plain")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact chatWithAttachments(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction("start a chat with two attendees and two attachments",
        created(ATTACHMENTS, "chat_files")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact classicInmail(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction("start a classic LinkedIn InMail with a topic",
        created(CLASSIC, "chat_classic")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact recruiterDays(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction(
        "start a Recruiter chat with a follow-up in 5 days and a follow-up file",
        created(RECRUITER_DAYS_FORM, "chat_recruiter_days")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact recruiterWeeks(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction("start a Recruiter chat with a follow-up in 2 weeks",
        created(RECRUITER_WEEKS_FORM, "chat_recruiter_weeks")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact salesNavigator(PactBuilder builder) {
    return builder.expectsToReceiveHttpInteraction("start a Sales Navigator chat",
        created(SALES_NAV, "chat_sales_nav")).toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact noConnection(PactBuilder builder) {
    return builder.given(PactNames.STATE_NO_CONNECTION)
        .expectsToReceiveHttpInteraction("start a chat with someone who is not a connection",
            failed(TO_STRANGER, 422, "errors/no_connection_with_recipient", "Unprocessable Entity",
                "The recipient appears not to be first degree connection.", null))
        .toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact disconnectedAccount(PactBuilder builder) {
    return builder.given(PactNames.STATE_DISCONNECTED)
        .expectsToReceiveHttpInteraction("start a chat from a disconnected account",
            failed(FROM_DISCONNECTED, 401, "errors/disconnected_account", "Unauthorized",
                "The account appears to be disconnected from the provider service.", null))
        .toPact();
  }

  @Pact(consumer = PactNames.CONSUMER)
  V4Pact tooManyRequests(PactBuilder builder) {
    return builder.given(PactNames.STATE_RATE_LIMITED)
        .expectsToReceiveHttpInteraction("start a chat while rate limited",
            failed(RATE_LIMITED, 429, "errors/too_many_requests", "Too Many Requests",
                "The provider cannot accept any more requests at the moment. Please try again later.", "7"))
        .toPact();
  }

  // ---- the tests: the real client against Pact's mock server ------------------------------------------------

  @Test
  @PactTestFor(pactMethod = "plainChat")
  void plainChat(MockServer server) {
    ChatStarted started = send(server, PLAIN_REQUEST);
    assertThat(started.chatId()).contains("chat_plain");
  }

  @Test
  @PactTestFor(pactMethod = "chatWithAttachments")
  void chatWithAttachments(MockServer server) {
    ChatStarted started = send(server, ATTACHMENTS_REQUEST);
    assertThat(started.chatId()).contains("chat_files");
  }

  @Test
  @PactTestFor(pactMethod = "classicInmail")
  void classicInmail(MockServer server) {
    send(server, CLASSIC_REQUEST);
  }

  @Test
  @PactTestFor(pactMethod = "recruiterDays")
  void recruiterDays(MockServer server) {
    send(server, RECRUITER_DAYS_REQUEST);
  }

  @Test
  @PactTestFor(pactMethod = "recruiterWeeks")
  void recruiterWeeks(MockServer server) {
    send(server, RECRUITER_WEEKS_REQUEST);
  }

  @Test
  @PactTestFor(pactMethod = "salesNavigator")
  void salesNavigator(MockServer server) {
    send(server, SALES_NAV_REQUEST);
  }

  @Test
  @PactTestFor(pactMethod = "noConnection")
  void noConnection(MockServer server) {
    UnipileApiException e = sendFailing(server, TO_STRANGER_REQUEST);
    assertApiError(e, UnprocessableEntityException.class, 422, "errors/no_connection_with_recipient");
  }

  @Test
  @PactTestFor(pactMethod = "disconnectedAccount")
  void disconnectedAccount(MockServer server) {
    UnipileApiException e = sendFailing(server, FROM_DISCONNECTED_REQUEST);
    assertApiError(e, UnauthorizedException.class, 401, "errors/disconnected_account");
  }

  @Test
  @PactTestFor(pactMethod = "tooManyRequests")
  void tooManyRequests(MockServer server) {
    // Retries off: the pact records one answer, and a retry would send a second, unexpected request.
    UnipileApiException e = sendFailing(server, RATE_LIMITED_REQUEST);
    assertApiError(e, TooManyRequestsException.class, 429, "errors/too_many_requests");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.attempts()).isEqualTo(1);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static void assertApiError(UnipileApiException e, Class<? extends UnipileApiException> type, int status, String errorType) {
    assertThat(e).isInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.type().raw()).isEqualTo(errorType);
  }

  private static UnaryOperator<HttpInteractionBuilder> request(PactForm form) {
    return interaction -> {
      return form.describeIn(interaction).withRequest(request -> request
          .method("POST")
          .path("/api/v1/chats")
          .header("X-API-KEY", Matchers.regexp("\\S+", KEY))
          .body(form.toPactBody()));
    };
  }

  private static kotlin.jvm.functions.Function1<HttpInteractionBuilder, HttpInteractionBuilder> created(
      PactForm form, String chatId) {
    return interaction -> request(form).apply(interaction)
        .willRespondWith(response -> response
            .status(201)
            .header("Content-Type", "application/json")
            .body(new PactDslJsonBody()
                .stringValue("object", "ChatStarted")
                .stringType("chat_id", chatId)
                .stringType("message_id", "msg_" + chatId.substring("chat_".length()))));
  }

  private static kotlin.jvm.functions.Function1<HttpInteractionBuilder, HttpInteractionBuilder> failed(
      PactForm form, int status, String type, String title, String detail, String retryAfter) {
    return interaction -> request(form).apply(interaction)
        .willRespondWith(response -> {
          response.status(status).header("Content-Type", "application/json");
          if (retryAfter != null) {
            // Any number of seconds: the client reads whatever the provider says (7 in this example).
            response.header("Retry-After", Matchers.regexp("\\d+", retryAfter));
          }
          return response.body(new PactDslJsonBody()
              .stringValue("type", type)
              .numberValue("status", status)
              .stringType("title", title)
              .stringType("detail", detail));
        });
  }

  private static UnipileChatClient client(MockServer server) {
    return UnipileChatClient.builder().baseUrl(server.getUrl()).apiKey(KEY).maxRetries(0).build();
  }

  private static ChatStarted send(MockServer server, StartChatRequest request) {
    try (UnipileChatClient client = client(server)) {
      ChatStarted started = client.startChat(request);
      assertThat(started.status()).isEqualTo(201);
      return started;
    }
  }

  private static UnipileApiException sendFailing(MockServer server, StartChatRequest request) {
    try (UnipileChatClient client = client(server)) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.startChat(request));
      assertThat(thrown).isInstanceOf(UnipileApiException.class);
      return (UnipileApiException) thrown;
    }
  }
}
