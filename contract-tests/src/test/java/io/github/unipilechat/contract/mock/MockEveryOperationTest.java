package io.github.unipilechat.contract.mock;

import static io.github.unipilechat.contract.ProviderPages.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.contract.ProviderPages;
import io.github.unipilechat.contract.spec.Route;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock serves every operation of the document it is given: here the seed with the provider's reference pages of
 * each kind merged in (multipart with a path parameter, GET with query parameters, DELETE, a JSON body, a literal path
 * beside a template), run by {@link MockUnipileExtension}. Every answer is checked against its own operation's
 * documented answers on the way back.
 */
class MockEveryOperationTest {
  private static final SpecValidator SPEC = ProviderPages.spec(ALL);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
  /** The JUnit extension, with the merged document: a fresh journal before each test. */
  @RegisterExtension
  static final MockUnipileExtension EXTENSION = new MockUnipileExtension(MockUnipileServer.builder().spec(SPEC));
  private static MockUnipileServer mock;

  record Answer(int status, JsonNode body, Response response) {
    String detail() {
      return body.path("detail").asText();
    }
  }

  @BeforeEach
  void server() {
    mock = EXTENSION.server();
  }

  private static Answer send(String method, String path, RequestBody body, String... headers) {
    Request.Builder request = new Request.Builder().url(mock.baseUrl() + path).method(method, body)
        .header("X-API-KEY", "k");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      String text = response.body().string();
      Route route = SPEC.route(method, path.split("\\?", 2)[0]);
      JsonNode answer = text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
      if (route instanceof Route.Found found
          && SPEC.documentedStatuses(found.operationId()).contains(Integer.toString(response.code()))) {
        assertThat(SPEC.validateResponse(found, response.code(), response.header("Content-Type"), Map.of(), text)
            .violations()).as("the mock's answer to %s must be one %s documents", path, found).isEmpty();
      } else {
        // A refusal the operation does not document (400 for a list, 404 for no path): the spec's error shape still.
        assertThat(answer.path("status").asInt()).isEqualTo(response.code());
        assertThat(answer.path("type").asText()).startsWith("errors/");
        assertThat(answer.path("detail").asText()).isNotBlank();
      }
      return new Answer(response.code(), answer, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RequestBody form(String... fields) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (int i = 0; i < fields.length; i += 2) {
      form.addFormDataPart(fields[i], fields[i + 1]);
    }
    return form.build();
  }

  @Test
  void aMessageIsSentInAChatNamedByItsPath() {
    Answer answer = send("POST", "/api/v1/chats/ch_1/messages", form("text", "Hello"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().path("object").asText()).isEqualTo("MessageSent");
    JournalEntry entry = mock.journal().last();
    assertThat(entry.operationId()).isEqualTo("ChatsController_sendMessageInChat");
    assertThat(entry.pathParameters()).containsEntry("chat_id", "ch_1");
    assertThat(entry.text("text")).isEqualTo("Hello");
  }

  @Test
  void aChatIdWithReservedCharactersReachesTheOperationDecoded() {
    assertThat(send("POST", "/api/v1/chats/ch%2B1%20x%2Fy/messages", form("text", "Hello")).status()).isEqualTo(201);
    assertThat(mock.journal().last().pathParameters()).containsEntry("chat_id", "ch+1 x/y");
  }

  @Test
  void aTextWhereTheOperationWantsAFileIsRefusedNamingTheField() {
    Answer answer = send("POST", "/api/v1/chats/ch_1/messages", form("voice_message", "not a file"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).isEqualTo("voice_message: must be a file part (with a filename), not a text field");
  }

  @Test
  void chatsAreListedWithQueryParameters() {
    Answer answer = send("GET", "/api/v1/chats?limit=10&unread=true", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("object").asText()).isEqualTo("ChatList");
    assertThat(mock.journal().last().queryParameters()).containsEntry("limit", List.of("10"));
  }

  @Test
  void aQueryValueOffItsSchemaIsRefusedNamingTheParameter() {
    Answer answer = send("GET", "/api/v1/chats?limit=0", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).startsWith("limit: ");
  }

  @Test
  void anInvitationIsCancelledByDelete() {
    Answer answer = send("DELETE", "/api/v1/users/invite/sent/inv_1?account_id=acc_1", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("object").asText()).isEqualTo("InvitationCanceled");
    assertThat(mock.journal().last().pathParameters()).containsEntry("invitation_id", "inv_1");
  }

  @Test
  void aMissingRequiredQueryParameterIsRefusedInTheClientsWords() {
    Answer answer = send("DELETE", "/api/v1/users/invite/sent/inv_1", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("type").asText()).isEqualTo("errors/missing_parameters");
    assertThat(answer.detail()).isEqualTo("account_id: is required (query parameter)");
  }

  @Test
  void anInvitationIsSentWithAJsonBody() {
    Answer answer = send("POST", "/api/v1/users/invite",
        RequestBody.create("{\"provider_id\":\"p_1\",\"account_id\":\"acc_1\"}", JSON_TYPE));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("object").asText()).isEqualTo("UserInvitationSent");
    assertThat(answer.body().path("invitation_id").asText()).isNotBlank();
    assertThat(mock.journal().last().text("provider_id")).isEqualTo("p_1");
  }

  @Test
  void aJsonBodyOffItsSchemaIsRefusedNamingTheField() {
    Answer answer = send("POST", "/api/v1/users/invite", RequestBody.create(
        "{\"provider_id\":\"p_1\",\"account_id\":\"acc_1\",\"message\":\"" + "x".repeat(301) + "\"}", JSON_TYPE));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).startsWith("message: ");
  }

  @Test
  void aJsonBodyThatIsNotJsonIsRefused() {
    Answer answer = send("POST", "/api/v1/users/invite", RequestBody.create("{\"provider_id\":", JSON_TYPE));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).contains("body: is not valid JSON");
  }

  @Test
  void aLiteralPathIsItsOwnOperationBesideATemplate() {
    assertThat(send("GET", "/api/v1/users/me?account_id=acc_1", null).status()).isEqualTo(200);
    assertThat(mock.journal().last().operationId()).isEqualTo("UsersController_getAccountOwnerProfile");
    assertThat(send("GET", "/api/v1/users/ann?account_id=acc_1", null).status()).isEqualTo(200);
    assertThat(mock.journal().last().pathParameters()).containsEntry("identifier", "ann");
  }

  @Test
  void preferAsksForAnyStatusTheOperationDocuments() {
    Answer notFound = send("DELETE", "/api/v1/users/invite/sent/inv_1?account_id=acc_1", null, "Prefer", "code=404");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(SPEC.errorTypes("UsersController_cancelInvitation").get(404)).contains(notFound.body().path("type").asText());

    assertThat(send("GET", "/api/v1/chats", null, "Prefer", "code=422").detail())
        .contains("422", "not a documented status of GET /api/v1/chats");
  }

  @Test
  void anUnknownPathIsASpecShaped404() {
    Answer answer = send("GET", "/api/v1/nothing/here", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.response().header("Content-Type")).startsWith("application/json");
    assertThat(answer.body().path("status").asInt()).isEqualTo(404);
    assertThat(answer.body().path("type").asText()).startsWith("errors/");
  }

  @Test
  void aMethodThePathLacksIsA405ListingTheOnesItHas() {
    Answer answer = send("PUT", "/api/v1/chats", RequestBody.create("{}", JSON_TYPE));

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.response().header("Allow")).contains("GET", "POST").doesNotContain("PUT");
    assertThat(answer.body().path("status").asInt()).isEqualTo(405);
  }
}
