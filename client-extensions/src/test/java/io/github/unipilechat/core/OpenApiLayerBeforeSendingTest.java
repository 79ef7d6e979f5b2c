package io.github.unipilechat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.internal.openapi.OpenApiLayer;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Before a request is sent, the client asks swagger-request-validator's OpenAPI layer what the contract kit asks of
 * a request it receives: credentials, content type, parameters present, a body where one is expected. Each case is a
 * copy of the seed with a real page of the provider's reference added, edited as the provider might edit it.
 */
class OpenApiLayerBeforeSendingTest {
  private static final String INVITE = "UsersController_addUserByIdentifier";
  private static final String LIST = "ChatsController_listAllChats";

  @RegisterExtension
  final ServedClient served = new ServedClient(builder -> builder);

  private static SpecModel pages(Consumer<ObjectNode> edit) {
    ObjectNode document = ProviderPages.seedWith("Users__send-an-invitation.md", "Messaging__list-all-chats.md")
        .document().deepCopy();
    edit.accept(document);
    return SpecModel.of(document);
  }

  private static OperationRequest invite(SpecModel spec) {
    return OperationRequest.builder(spec, INVITE).field("provider_id", "ACoAA1").field("account_id", "acc_1").build();
  }

  private RecordedRequest sendAnswered(OperationRequest request) throws InterruptedException {
    served.server().enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"UserInvitationSent\",\"invitation_id\":\"inv_1\"}").build());
    served.client().call(request);
    return served.server().takeRequest(5, TimeUnit.SECONDS);
  }

  /** The key goes in X-API-KEY only: a document asking for a bearer token instead gets nothing sent unauthenticated. */
  @Test
  void aDocumentAskingForACredentialTheClientDoesNotSendIsRefusedBeforeSending() {
    SpecModel bearer = pages(document -> document.withObjectProperty("components").withObjectProperty("securitySchemes")
        .putObject("Access-Token").put("type", "http").put("scheme", "bearer"));

    assertThatThrownBy(() -> invite(bearer)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Authorization: is required");
    assertThat(served.server().getRequestCount()).isZero();
  }

  @Test
  void theDocumentsOwnApiKeySchemeLetsTheSameRequestThrough() throws Exception {
    RecordedRequest sent = sendAnswered(invite(pages(document -> { })));

    assertThat(sent.getHeaders().get("X-API-KEY")).isEqualTo("sk-test-123");
  }

  /** The body goes with the JSON media type the operation declares (it always went as application/json). */
  @Test
  void aJsonBodyGoesWithTheMediaTypeTheOperationDeclares() throws Exception {
    SpecModel vendor = pages(document -> {
      ObjectNode content = (ObjectNode) document.path("paths").path("/api/v1/users/invite").path("post")
          .path("requestBody").path("content");
      content.set("application/vnd.unipile+json", content.remove("application/json"));
    });

    RecordedRequest sent = sendAnswered(invite(vendor));

    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/vnd.unipile+json");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"provider_id\":\"ACoAA1\",\"account_id\":\"acc_1\"}");
  }

  /**
   * A JSON media type HTTP cannot carry (no parser reads it) is not swapped for application/json behind the check's
   * back, and does not crash the check: the request is refused, naming the document's fault (it used to be sent
   * as application/json).
   */
  @Test
  void aDeclaredMediaTypeHttpCannotCarryIsRefusedBeforeSending() {
    SpecModel unparseable = pages(document -> {
      ObjectNode content = (ObjectNode) document.path("paths").path("/api/v1/users/invite").path("post")
          .path("requestBody").path("content");
      content.set("application/vnd unipile+json", content.remove("application/json"));
    });

    assertThatThrownBy(() -> sendAnswered(invite(unparseable))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("request: cannot be checked: POST /api/v1/users/invite in the spec holds what the OpenAPI"
            + " layer cannot read (Could not parse 'application/vnd unipile+json')");
    assertThat(served.server().getRequestCount()).isZero();
  }

  /** A query parameter the provider makes required is the library's finding, in the words the mock uses. */
  @Test
  void aQueryParameterMadeRequiredIsRefusedInTheKitsWords() {
    SpecModel required = pages(document -> document.path("paths").path("/api/v1/chats").path("get")
        .path("parameters").forEach(parameter -> {
          if (parameter.path("name").asText().equals("limit")) {
            ((ObjectNode) parameter).put("required", true);
          }
        }));

    assertThatThrownBy(() -> OperationRequest.builder(required, LIST).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit: is required (query parameter)");
    assertThat(OperationRequest.builder(required, LIST).parameter("limit", "5").build()).isNotNull();
  }

  @Test
  void oneSpecModelHasOneLayerForTheClientAndTheKit() {
    SpecModel spec = pages(document -> { });

    assertThat(OpenApiLayer.of(spec)).isSameAs(OpenApiLayer.of(spec));
  }
}
