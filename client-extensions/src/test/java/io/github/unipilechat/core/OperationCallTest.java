package io.github.unipilechat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.errors.InternalServerErrorException;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.wire.CapturedForm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operations the provider adds reach the wire through the one generic core with no edit: real pages of its
 * reference merged into a copy of the seed, one operation of each kind, sent by operationId and names only.
 */
class OperationCallTest {
  private static final SpecModel SPEC = ProviderPages.seedWith("Messaging__send-a-message-in-a-chat.md",
      "Messaging__list-all-chats.md", "Users__cancel-an-invitation.md", "Users__send-an-invitation.md");
  private static final String KEY = ServedClient.KEY;

  @RegisterExtension
  final ServedClient served = new ServedClient(builder -> builder
      .retryPolicy(RetryPolicy.builder().sleeper(duration -> { }).build()));

  private void answer(int code, String json) {
    served.server().enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json)
        .build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = served.server().takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  @Test
  void aMultipartOperationWithAPathParameterIsSentByItsNames() throws Exception {
    answer(201, "{\"object\":\"MessageSent\",\"message_id\":\"m_1\"}");
    OperationResponse sent = served.client().call(OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat")
        .parameter("chat_id", "ch/1 é").field("text", "Hello").field("account_id", "acc_1")
        .field("attachments", Attachment.of("a.txt", "hi".getBytes(StandardCharsets.UTF_8))).build());

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/chats/ch%2F1%20%C3%A9/messages");
    assertThat(request.getHeaders().get("X-API-KEY")).isEqualTo(KEY);
    CapturedForm form = CapturedForm.of(request);
    assertThat(form.text("text")).isEqualTo("Hello");
    assertThat(form.text("account_id")).isEqualTo("acc_1");
    assertThat(form.one("attachments").fileName()).isEqualTo("a.txt");
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().orElseThrow().path("message_id").asText()).isEqualTo("m_1");
  }

  /**
   * A multipart operation with no field set still sends a form: the closing delimiter alone, as a browser or Node's
   * form-data sends an empty FormData. (It sent an empty body under a multipart type, which no multipart parser
   * reads: the mock answered 400 "unexpected EOF in PREAMBLE".)
   */
  @Test
  void aMultipartOperationWithNoFieldSetSendsTheClosingDelimiterAlone() throws Exception {
    answer(201, "{\"object\":\"MessageSent\",\"message_id\":\"m_1\"}");
    served.client().call(OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat").parameter("chat_id", "ch_1")
        .build());

    RecordedRequest request = take();
    String boundary = okhttp3.MediaType.get(request.getHeaders().get("Content-Type")).parameter("boundary");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(request.getBody().utf8()).isEqualTo("--" + boundary + "--\r\n");
  }

  /** An error names the operation that answered (every one used to read "Unipile start-chat failed"). */
  @Test
  void anErrorNamesTheOperationThatAnswered() {
    answer(422, "{\"status\":422,\"type\":\"errors/invalid_account\",\"title\":\"Invalid account\"}");

    assertThatThrownBy(() -> served.client().call(OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat")
        .parameter("chat_id", "ch_1").field("text", "Hi").build()))
        .hasMessageStartingWith("Unipile send-message-in-chat failed: HTTP 422 errors/invalid_account");
  }

  @Test
  void aGetSendsItsQueryParametersAndNoBody() throws Exception {
    answer(200, "{\"object\":\"ChatList\",\"items\":[],\"cursor\":null}");
    served.client().call(OperationRequest.builder(SPEC, "ChatsController_listAllChats").parameter("limit", "5")
        .parameter("unread", "true").build());

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/chats");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("5");
    assertThat(request.getUrl().queryParameter("unread")).isEqualTo("true");
    assertThat(request.getBody()).as("no body").isNull();
  }

  @Test
  void aJsonBodyIsSentAsJson() throws Exception {
    answer(200, "{\"object\":\"UserInvitationSent\",\"invitation_id\":\"inv_1\"}");
    served.client().call(OperationRequest.builder(SPEC, "UsersController_addUserByIdentifier")
        .field("provider_id", "ACoAA1").field("account_id", "acc_1").build());

    RecordedRequest request = take();
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"provider_id\":\"ACoAA1\",\"account_id\":\"acc_1\"}");
  }

  @Test
  void anIdempotentDeleteIsRetriedAfterA500ButAPostIsNot() throws Exception {
    answer(500, "{\"status\":500,\"type\":\"errors/unexpected_error\",\"title\":\"t\"}");
    answer(200, "{\"object\":\"InvitationCanceled\"}");
    OperationResponse canceled = served.client().call(OperationRequest.builder(SPEC, "UsersController_cancelInvitation")
        .parameter("invitation_id", "inv_1").parameter("account_id", "acc_1").build());
    assertThat(canceled.status()).isEqualTo(200);
    assertThat(served.server().getRequestCount()).isEqualTo(2);

    answer(500, "{\"status\":500,\"type\":\"errors/unexpected_error\",\"title\":\"t\"}");
    assertThatThrownBy(() -> served.client().call(OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat")
        .parameter("chat_id", "ch_1").field("text", "Hi").build()))
        .isInstanceOf(InternalServerErrorException.class);
    assertThat(served.server().getRequestCount()).isEqualTo(3);
  }

  /** Even accepting what the spec does not describe, a body is not sent to an operation that takes none. */
  @Test
  void aFieldGivenToAnOperationWithoutABodyIsRefusedBeforeSending() {
    assertThatThrownBy(() -> OperationRequest.builder(SPEC, "UsersController_cancelInvitation").acceptNotDescribed(true)
        .parameter("invitation_id", "inv_1").parameter("account_id", "acc_1").field("note", "hi").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("body: is not expected: DELETE /api/v1/users/invite/sent/{invitation_id} takes no request body");
    assertThat(served.server().getRequestCount()).isZero();
  }

  @Test
  void aSuccessWithoutTheDocumentedIdentityIsOutcomeUnknown() {
    answer(201, "{\"object\":\"ChatStarted\",\"message_id\":\"m_1\"}");
    assertThatThrownBy(() -> served.client().call(OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat")
        .parameter("chat_id", "ch_1").field("text", "Hi").build(), CallOptions.noRetries()))
        .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("MessageSent");
  }

  @Test
  void aMissingPathParameterOrAWrongTypeIsRefusedBeforeSending() {
    assertThatThrownBy(() -> OperationRequest.builder(SPEC, "ChatsController_sendMessageInChat").field("text", "Hi")
        .build()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("chat_id: is required");
    assertThatThrownBy(() -> OperationRequest.builder(SPEC, "ChatsController_listAllChats").parameter("limit", "many")
        .build()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> OperationRequest.builder(SPEC, "ChatsController_listAllChats").parameter("limt", "5")
        .build()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit (query)");
    assertThat(served.server().getRequestCount()).isZero();
  }

  @Test
  void aRequiredJsonFieldMissingIsRefusedWithItsName() {
    assertThatThrownBy(() -> OperationRequest.builder(SPEC, "UsersController_addUserByIdentifier")
        .field("provider_id", "ACoAA1").build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("account_id");
  }

  @Test
  void theDeadlineCoversEveryOperation() {
    served.server().enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS)
        .addHeader("Content-Type", "application/json").body("{\"object\":\"ChatList\",\"items\":[],\"cursor\":null}")
        .build());
    assertThatThrownBy(() -> served.client().call(OperationRequest.builder(SPEC, "ChatsController_listAllChats").build(),
        CallOptions.builder().deadline(Duration.ofMillis(300)).retryPolicy(RetryPolicy.builder().maxRetries(0).build())
            .build()))
        .isInstanceOf(OutcomeUnknownException.class);
  }
}
