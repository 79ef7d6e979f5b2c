package io.github.unipilechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.drift.DriftFinding.Kind;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.wire.ChatServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response check reads everything from the document: on a mutated copy of the spec, the same answers give
 * different findings, with no edit to the client. Each test's control is the same answer on the bundled spec.
 */
class ResponseCheckFollowsTheSpecTest {
  private static final String RESPONSES = "/paths/~1api~1v1~1chats/post/responses";
  private static final String JSON = "/content/application~1json/schema";

  @RegisterExtension
  final ChatServer server = new ChatServer();

  @Test
  void aNewRequiredFieldInTheCreatedAnswerIsReportedMissing() {
    JsonNode spec = mutated(doc -> {
      ObjectNode created = (ObjectNode) doc.at(RESPONSES + "/201" + JSON);
      ((ObjectNode) created.get("properties")).putObject("started_at").put("type", "string");
      ((ArrayNode) created.get("required")).add("started_at");
    });
    assertThat(findings(ProviderSpec.document(), 201, ChatServer.CREATED)).isEmpty();
    assertThat(findings(spec, 201, ChatServer.CREATED)).extracting(DriftFinding::kind, DriftFinding::pointer)
        .containsExactly(tuple(Kind.MISSING_FIELD, "/started_at"));
  }

  @Test
  void anErrorTypeDroppedFromTheEnumIsReported() {
    String answer = ChatServer.errorJson(422, "errors/no_connection_with_recipient", "Not connected", "d");
    JsonNode spec = mutated(doc -> {
      ArrayNode types = (ArrayNode) doc.at(RESPONSES + "/422" + JSON + "/properties/type/enum");
      for (int i = types.size() - 1; i >= 0; i--) {
        if (types.get(i).asText().equals("errors/no_connection_with_recipient")) {
          types.remove(i);
        }
      }
    });
    assertThat(findings(ProviderSpec.document(), 422, answer)).isEmpty();
    assertThat(findings(spec, 422, answer)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.ENUM_VALUE);
      assertThat(f.pointer()).isEqualTo("/type");
      assertThat(f.expected()).doesNotContain("no_connection_with_recipient");
    });
  }

  @Test
  void aStatusTheSpecStopsDocumentingIsReported() {
    String answer = ChatServer.errorJson(501, "errors/feature_not_implemented", "Missing", "d");
    JsonNode spec = mutated(doc -> ((ObjectNode) doc.at(RESPONSES)).remove("501"));
    assertThat(findings(ProviderSpec.document(), 501, answer)).isEmpty();
    assertThat(findings(spec, 501, answer)).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.UNDOCUMENTED_STATUS));
  }

  @Test
  void aFieldTheSpecStartsDescribingIsNoLongerReported() {
    String answer = "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\"provider_id\":\"p\"}";
    JsonNode spec = mutated(doc -> ((ObjectNode) doc.at(RESPONSES + "/201" + JSON + "/properties"))
        .putObject("provider_id").put("type", "string"));
    assertThat(findings(ProviderSpec.document(), 201, answer)).extracting(DriftFinding::kind)
        .containsExactly(Kind.NOT_DESCRIBED);
    assertThat(findings(spec, 201, answer)).isEmpty();
  }

  @Test
  void undescribedFieldsAreFoundInsideNestedObjectsAndArrays() {
    String answer = "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\","
        + "\"attendees\":[{\"id\":\"a\"},{\"id\":\"b\",\"name/x\":\"Ann\"}]}";
    JsonNode spec = mutated(doc -> {
      ObjectNode attendees = ((ObjectNode) doc.at(RESPONSES + "/201" + JSON + "/properties")).putObject("attendees");
      attendees.put("type", "array").putObject("items").put("type", "object").putObject("properties")
          .putObject("id").put("type", "string");
    });
    assertThat(findings(spec, 201, answer)).extracting(DriftFinding::kind, DriftFinding::pointer, DriftFinding::actual)
        .containsExactly(tuple(Kind.NOT_DESCRIBED, "/attendees/1/name~1x", "a string"));
  }

  /** The provider moving the schema to components behind a $ref changes nothing. */
  @Test
  void aSchemaBehindARefIsFollowed() {
    String renamed = "{\"object\":\"ChatStarted\",\"chatId\":\"c\",\"message_id\":\"m\"}";
    JsonNode spec = mutated(doc -> {
      ObjectNode media = (ObjectNode) doc.at(RESPONSES + "/201/content/application~1json");
      JsonNode schema = media.get("schema");
      ((ObjectNode) doc).withObject("components").withObject("schemas").set("ChatStartedResponse", schema);
      media.putObject("schema").put("$ref", "#/components/schemas/ChatStartedResponse");
    });
    assertThat(findings(spec, 201, renamed)).extracting(DriftFinding::kind, DriftFinding::pointer)
        .containsExactly(tuple(Kind.MISSING_FIELD, "/chat_id"),
            tuple(Kind.NOT_DESCRIBED, "/chatId"));
  }

  private List<DriftFinding> findings(JsonNode spec, int status, String body) {
    List<DriftFinding> heard = new CopyOnWriteArrayList<>();
    server.enqueue(status, body);
    try (UnipileChatClient client = server.builder().maxRetries(0).responseSpec(ResponseSpec.of(spec, StartChat.operation(SpecModel.of(spec))))
        .driftListener(heard::add).build()) {
      catchThrowable(() -> client.startChat(ChatServer.request()));
    }
    return heard;
  }

  private static JsonNode mutated(Consumer<JsonNode> change) {
    JsonNode copy = ProviderSpec.document().deepCopy();
    change.accept(copy);
    return copy;
  }
}
