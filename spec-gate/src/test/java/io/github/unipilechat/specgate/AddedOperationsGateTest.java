package io.github.unipilechat.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operations of each kind added to the seed, then removed or tightened: the gate lets the additions through and
 * refuses each removal and tightening. The additions are the provider's own pages (the kit keeps copies: a multipart
 * body with a path parameter, a GET with query parameters, a DELETE) and one JSON-body operation written here; every
 * edit finds its operation and its parameter or field by name, never by position.
 */
class AddedOperationsGateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SEED = Path.of("..", "openapi", "unipile-start-new-chat.openapi.json");
  private static final Path PAGES = Path.of("..", "contract-tests", "src", "test", "resources", "provider-reference");
  private static final String SEND_MESSAGE = "ChatsController_sendMessageInChat";
  private static final String LIST_CHATS = "ChatsController_listAllChats";
  private static final String CANCEL_INVITATION = "UsersController_cancelInvitation";
  private static final String INVITE = "UsersController_addUserByIdentifier";

  /** The seed, every kit page, and a JSON-body operation: the baseline a team has after the provider grew. */
  private static ObjectNode grown() throws Exception {
    ObjectNode document = SpecMerge.merge(SEED, PAGES);
    ObjectNode invite = ((ObjectNode) document.path("paths")).putObject("/api/v1/users/invite").putObject("post");
    invite.put("operationId", INVITE);
    ObjectNode schema = invite.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/json").putObject("schema").put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("provider_id").put("type", "string");
    properties.putObject("account_id").put("type", "string");
    properties.putObject("message").put("type", "string").put("maxLength", 300);
    schema.putArray("required").add("provider_id").add("account_id");
    invite.putObject("responses").putObject("201").put("description", "Invited").putObject("content")
        .putObject("application/json").putObject("schema").put("type", "object");
    return document;
  }

  private static String text(JsonNode document) throws Exception {
    return JSON.writeValueAsString(document);
  }

  /** The operation whose operationId is {@code id}, wherever the document puts it. */
  private static ObjectNode operation(JsonNode document, String id) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext(); ) {
      for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().properties().iterator(); ops.hasNext(); ) {
        JsonNode operation = ops.next().getValue();
        if (id.equals(operation.path("operationId").asText())) {
          return (ObjectNode) operation;
        }
      }
    }
    throw new IllegalStateException("no operation " + id);
  }

  private static SpecGate.Verdict afterEdit(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode baseline = grown();
    ObjectNode current = baseline.deepCopy();
    edit.accept(current);
    return SpecGate.compare(text(baseline), text(current));
  }

  private static void assertRefused(SpecGate.Verdict verdict, String why) {
    assertThat(verdict.breaking()).as(verdict.report()).isTrue();
    assertThat(verdict.changes()).filteredOn(Change::breaking).anyMatch(change -> change.toString().contains(why));
  }

  @Test
  void theAddedOperationsAreCompatible() throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(text(JSON.readTree(SEED.toFile())), text(grown()));

    assertThat(verdict.changed()).isTrue();
    assertThat(verdict.breaking()).as(verdict.report()).isFalse();
  }

  /** Negative control of the edits below: the same document twice is no change at all. */
  @Test
  void theGrownDocumentAgainstItselfIsNoChange() throws Exception {
    assertThat(afterEdit(document -> { }).changed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {SEND_MESSAGE, LIST_CHATS, CANCEL_INVITATION, INVITE})
  void removingAnAddedOperationIsRefused(String id) throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> {
      for (Iterator<JsonNode> paths = document.path("paths").elements(); paths.hasNext(); ) {
        ObjectNode path = (ObjectNode) paths.next();
        path.properties().removeIf(op -> id.equals(op.getValue().path("operationId").asText()));
      }
    });

    assertRefused(verdict, "operation removed");
  }

  @Test
  void anOptionalQueryParameterOfAGetMadeRequiredIsRefused() throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> parameter(operation(document, LIST_CHATS), "limit")
        .put("required", true));

    assertRefused(verdict, "now required");
  }

  @Test
  void aNewRequiredQueryParameterOnADeleteIsRefused() throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> ((ArrayNode) operation(document, CANCEL_INVITATION)
        .path("parameters")).addObject().put("name", "reason").put("in", "query").put("required", true)
        .putObject("schema").put("type", "string"));

    assertRefused(verdict, "added as required");
  }

  @Test
  void anOptionalMultipartFieldMadeRequiredIsRefused() throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> requestSchema(document, SEND_MESSAGE, "multipart/form-data")
        .withArray("required").add("text"));

    assertThat(verdict.breaking()).as(verdict.report()).isTrue();
  }

  @Test
  void anOptionalJsonFieldMadeRequiredIsRefused() throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> requestSchema(document, INVITE, "application/json")
        .withArray("required").add("message"));

    assertThat(verdict.breaking()).as(verdict.report()).isTrue();
  }

  @Test
  void aJsonFieldLimitTightenedIsRefused() throws Exception {
    SpecGate.Verdict verdict = afterEdit(document -> ((ObjectNode) requestSchema(document, INVITE, "application/json")
        .path("properties").path("message")).put("maxLength", 100));

    assertThat(verdict.breaking()).as(verdict.report()).isTrue();
  }

  private static ObjectNode parameter(ObjectNode operation, String name) {
    for (JsonNode parameter : operation.path("parameters")) {
      if (name.equals(parameter.path("name").asText())) {
        return (ObjectNode) parameter;
      }
    }
    throw new IllegalStateException("no parameter " + name);
  }

  /** The body schema of {@code id} for {@code mediaType}, its {@code $ref} followed within the document. */
  private static ObjectNode requestSchema(JsonNode document, String id, String mediaType) {
    JsonNode schema = operation(document, id).path("requestBody").path("content").path(mediaType).path("schema");
    while (schema.has("$ref")) {
      schema = document.at(schema.path("$ref").asText().substring(1));
    }
    return (ObjectNode) schema;
  }
}
