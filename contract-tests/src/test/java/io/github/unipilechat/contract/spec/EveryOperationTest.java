package io.github.unipilechat.contract.spec;

import static io.github.unipilechat.contract.ProviderPages.A_PROFILE;
import static io.github.unipilechat.contract.ProviderPages.ALL;
import static io.github.unipilechat.contract.ProviderPages.CANCEL_INVITATION;
import static io.github.unipilechat.contract.ProviderPages.LIST_CHATS;
import static io.github.unipilechat.contract.ProviderPages.OWN_PROFILE;
import static io.github.unipilechat.contract.ProviderPages.SEND_INVITATION;
import static io.github.unipilechat.contract.ProviderPages.SEND_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.contract.ProviderPages;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's judge on a document with the provider's operations of every kind merged in (the reference's pages). */
class EveryOperationTest {
  private static final SpecValidator SPEC = ProviderPages.spec(ALL);
  private static final Map<String, List<String>> KEY = Map.of("X-API-KEY", List.of("k"));

  private static String id(String page) {
    JsonNode paths = ProviderPages.document(page).path("paths");
    return paths.elements().next().elements().next().path("operationId").asText();
  }

  private static Route.Found found(String method, String path) {
    Route route = SPEC.route(method, path);
    assertThat(route).isInstanceOf(Route.Found.class);
    return (Route.Found) route;
  }

  @Test
  void eachPageOperationIsReachedByItsMethodAndPathTemplate() {
    assertThat(found("POST", "/api/v1/chats/ch_1/messages").operationId()).isEqualTo(id(SEND_MESSAGE));
    assertThat(found("POST", "/api/v1/chats/ch_1/messages").pathParameters()).containsEntry("chat_id", "ch_1");
    assertThat(found("GET", "/api/v1/chats").operationId()).isEqualTo(id(LIST_CHATS));
    assertThat(found("DELETE", "/api/v1/users/invite/sent/inv%2F1").pathParameters()).containsEntry("invitation_id", "inv/1");
    assertThat(found("POST", "/api/v1/users/invite").operationId()).isEqualTo(id(SEND_INVITATION));
  }

  @Test
  void aLiteralPathWinsOverATemplate() {
    assertThat(found("GET", "/api/v1/users/me").operationId()).isEqualTo(id(OWN_PROFILE));
    assertThat(found("GET", "/api/v1/users/ann").operationId()).isEqualTo(id(A_PROFILE));
  }

  @Test
  void anUnknownPathIsNotFoundAndAnUnknownMethodListsTheOnesThePathHas() {
    assertThat(SPEC.route("GET", "/api/v1/nothing")).isEqualTo(new Route.NotFound());
    Route route = SPEC.route("PUT", "/api/v1/chats");
    assertThat(route).isInstanceOf(Route.MethodNotAllowed.class);
    assertThat(((Route.MethodNotAllowed) route).allowed()).contains("GET", "POST").doesNotContain("PUT");
    assertThat(SPEC.route("BREW", "/api/v1/chats")).isInstanceOf(Route.MethodNotAllowed.class);
  }

  @Test
  void aMissingRequiredQueryParameterIsNamedInTheClientsWords() {
    Route.Found route = found("DELETE", "/api/v1/users/invite/sent/inv_1");
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("DELETE", "/api/v1/users/invite/sent/inv_1", KEY), null);
    assertThat(result.summary()).isEqualTo("account_id: is required (query parameter)");
  }

  @Test
  void aQueryValueOffItsSchemaIsRefusedOnTheOneEngine() {
    Route.Found route = found("GET", "/api/v1/chats");
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("GET", "/api/v1/chats?limit=0&unread=maybe", KEY), null);
    assertThat(result.violations()).extracting(Violation::field).contains("limit", "unread");
  }

  @Test
  void anUnlistedQueryParameterIsNotDescribed() {
    Route.Found route = found("GET", "/api/v1/chats");
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("GET", "/api/v1/chats?colour=red", KEY), null);
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("colour");
      assertThat(v.kind()).isEqualTo(Violation.Kind.NOT_DESCRIBED);
    });
    assertThat(result.accepting(true).valid()).isTrue();
  }

  @Test
  void aValidListRequestConforms() {
    Route.Found route = found("GET", "/api/v1/chats");
    assertThat(SPEC.validateRequest(route, ReceivedRequest.of("GET", "/api/v1/chats?limit=10&unread=true", KEY), null)
        .violations()).isEmpty();
  }

  @Test
  void theKeyIsRequiredByEveryOperationThatAsksForIt() {
    Route.Found route = found("GET", "/api/v1/chats");
    assertThat(SPEC.validateRequest(route, ReceivedRequest.of("GET", "/api/v1/chats", Map.of()), null).summary())
        .isEqualTo("X-API-KEY: is required");
  }

  @Test
  void aJsonBodyIsCheckedByTheBodyRules() {
    Route.Found route = found("POST", "/api/v1/users/invite");
    Map<String, List<String>> headers = Map.of("X-API-KEY", List.of("k"), "Content-Type", List.of("application/json"));
    DecodedRequest body = SpecValidator.decodeJson("{\"provider_id\":\"p\",\"message\":\"".concat("x".repeat(301)).concat("\"}")
        .getBytes(StandardCharsets.UTF_8));
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("POST", "/api/v1/users/invite", headers), body);
    assertThat(result.violations()).extracting(Violation::field).containsExactlyInAnyOrder("account_id", "message");
  }

  @Test
  void aBodyOfAnotherContentTypeIsNamed() {
    Route.Found route = found("POST", "/api/v1/users/invite");
    Map<String, List<String>> headers = Map.of("X-API-KEY", List.of("k"), "Content-Type", List.of("text/plain"));
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("POST", "/api/v1/users/invite", headers),
        new DecodedRequest(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), List.of(), List.of()));
    assertThat(result.summary())
        .isEqualTo("header Content-Type: text/plain is not application/json, the request content POST /api/v1/users/invite accepts");
  }

  @Test
  void aMultipartBodyIsDecodedByItsOwnOperationsSchema() {
    Route.Found route = found("POST", "/api/v1/chats/ch_1/messages");
    Map<String, List<String>> headers = Map.of("X-API-KEY", List.of("k"), "Content-Type", List.of("multipart/form-data; boundary=b"));
    DecodedRequest body = SPEC.decoder(route.operationId()).decode(List.of(new ReceivedField.Text("text", "hi"),
        new ReceivedField.Text("voice_message", "not a file")));
    ValidationResult result = SPEC.validateRequest(route, ReceivedRequest.of("POST", "/api/v1/chats/ch_1/messages", headers), body);
    assertThat(result.summary()).isEqualTo("voice_message: must be a file part (with a filename), not a text field");
  }

  @Test
  void anAnswerIsJudgedAgainstItsOwnOperation() {
    Route.Found route = found("DELETE", "/api/v1/users/invite/sent/inv_1");
    assertThat(SPEC.validateResponse(route, 200, "application/json", Map.of(), "{\"object\":\"InvitationCanceled\"}")
        .violations()).isEmpty();
    assertThat(SPEC.validateResponse(route, 201, "application/json", Map.of(), "{}").summary())
        .startsWith("status: 201 is not documented for DELETE /api/v1/users/invite/sent/{invitation_id}");
    assertThat(SPEC.validateResponse(route, 200, "application/json", Map.of(), "{\"object\":\"ChatStarted\"}").summary())
        .startsWith("object:");
  }

  @Test
  void oneVerdictPerShapeNeverTellsOneRequestAnothersFindings() {
    Route.Found route = found("GET", "/api/v1/chats");
    for (String name : List.of("colour", "flavour", "colour")) {
      ValidationResult result = SPEC.validateRequest(route,
          ReceivedRequest.of("GET", "/api/v1/chats?" + name + "=x&limit=5", KEY), null);
      assertThat(result.violations()).extracting(Violation::field).containsExactly(name);
    }
    Route.Found cancel = found("DELETE", "/api/v1/users/invite/sent/inv_1");
    assertThat(SPEC.validateRequest(cancel, ReceivedRequest.of("DELETE", "/api/v1/users/invite/sent/inv_1?account_id=a", KEY),
        null).violations()).isEmpty();
    assertThat(SPEC.validateRequest(cancel, ReceivedRequest.of("DELETE", "/api/v1/users/invite/sent/inv_2?account_id=", KEY),
        null).summary()).isEqualTo("account_id: is required (query parameter)");
    assertThat(SPEC.validateRequest(cancel, ReceivedRequest.of("DELETE", "/api/v1/users/invite/sent/inv_3?account_id=b",
        Map.of("X-API-KEY", List.of(""))), null).summary()).isEqualTo("X-API-KEY: is required");
  }
}
