package io.github.unipilechat.contract.pact;

import static io.github.unipilechat.contract.ProviderPages.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.ProviderPages;
import io.github.unipilechat.contract.internal.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-pact} on a document with the provider's operations of every kind merged in: each interaction is
 * matched to its operation by method and path template and judged against it, request and response; a valid pact
 * passes, a broken one is refused naming the interaction, the place and the rule.
 */
class VerifyPactEveryOperationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY = "pact-boundary";

  @TempDir Path dir;
  private Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("provider.json");
    Files.writeString(spec, ProviderPages.seedWith(ALL).toString());
  }

  /** A V4 interaction; {@code body} as text, {@code query} as "name=value" pairs. */
  private static ObjectNode interaction(String description, String method, String path, String contentType, String body,
      int status, String answer, String... query) {
    ObjectNode interaction = JSON.createObjectNode().put("type", "Synchronous/HTTP").put("description", description);
    ObjectNode request = interaction.putObject("request").put("method", method).put("path", path);
    request.putObject("headers").putArray("X-API-KEY").add("k");
    if (query.length > 0) {
      ObjectNode q = request.putObject("query");
      for (String pair : query) {
        String[] kv = pair.split("=", 2);
        q.withArrayProperty(kv[0]).add(kv[1]);
      }
    }
    if (body != null) {
      ObjectNode content = request.putObject("body").put("contentType", contentType).put("encoded", false);
      try {
        content.set("content", contentType.startsWith("application/json") ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body));
      } catch (IOException notJson) {
        content.put("content", body); // Pact JVM writes JSON as JSON; a broken one can only be text
      }
    }
    ObjectNode response = interaction.putObject("response").put("status", status);
    if (answer != null) {
      response.putObject("headers").putArray("Content-Type").add("application/json");
      response.putObject("body").put("content", answer).put("contentType", "application/json").put("encoded", false);
    }
    return interaction;
  }

  private Path pact(ObjectNode... interactions) throws IOException {
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", "c");
    pact.putObject("provider").put("name", "p");
    ArrayNode list = pact.putArray("interactions");
    for (ObjectNode interaction : interactions) {
      list.add(interaction);
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", "4.0");
    Path file = Files.createTempFile(dir, "pact", ".json");
    Files.writeString(file, pact.toString());
    return file;
  }

  private static String form(String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
          .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
    }
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private List<String> verify(Path pact) throws IOException {
    return PactSpecVerifier.forSpec(spec).verify(pact).stream().map(PactViolation::toString).toList();
  }

  private ObjectNode sendMessage(String... fields) {
    return interaction("send a message", "POST", "/api/v1/chats/ch_1/messages", MULTIPART, form(fields),
        201, "{\"object\":\"MessageSent\",\"message_id\":\"m_1\"}");
  }

  private ObjectNode listChats(String... query) {
    return interaction("list chats", "GET", "/api/v1/chats", null, null,
        200, "{\"object\":\"ChatList\",\"items\":[],\"cursor\":null}", query);
  }

  private ObjectNode cancelInvitation(String answer, String... query) {
    return interaction("cancel an invitation", "DELETE", "/api/v1/users/invite/sent/inv_1", null, null, 200, answer, query);
  }

  private ObjectNode sendInvitation(String body) {
    return interaction("send an invitation", "POST", "/api/v1/users/invite", "application/json", body,
        200, "{\"object\":\"UserInvitationSent\",\"invitation_id\":\"i_1\"}");
  }

  @Test
  void aValidPactForEachKindOfOperationConforms() throws IOException {
    Path pact = pact(sendMessage("text", "Hello"), listChats("limit=10", "unread=true"),
        cancelInvitation("{\"object\":\"InvitationCanceled\"}", "account_id=acc_1"),
        sendInvitation("{\"provider_id\":\"p_1\",\"account_id\":\"acc_1\"}"));

    assertThat(verify(pact)).isEmpty();
  }

  @Test
  void aMultipartFieldOffItsOperationsSchemaIsRefused() throws IOException {
    assertThat(verify(pact(sendMessage("text", "Hello", "voice_message", "not a file")))).containsExactly(
        "interaction 'send a message': request field voice_message: must be a file part (with a filename), not a text field");
  }

  @Test
  void aQueryValueOffItsSchemaIsRefusedAsAParameter() throws IOException {
    assertThat(verify(pact(listChats("limit=0")))).singleElement().asString()
        .startsWith("interaction 'list chats': request query parameter limit: ");
  }

  @Test
  void aMissingRequiredQueryParameterIsRefused() throws IOException {
    assertThat(verify(pact(cancelInvitation("{\"object\":\"InvitationCanceled\"}")))).containsExactly(
        "interaction 'cancel an invitation': request query parameter account_id: is required (query parameter)");
  }

  @Test
  void anAnswerOfAnotherOperationIsRefused() throws IOException {
    assertThat(verify(pact(cancelInvitation("{\"object\":\"ChatStarted\"}", "account_id=acc_1")))).singleElement()
        .asString().startsWith("interaction 'cancel an invitation': response field object: ");
  }

  @Test
  void aJsonBodyOffItsSchemaIsRefused() throws IOException {
    assertThat(verify(pact(sendInvitation("{\"provider_id\":\"p_1\"}")))).containsExactly(
        "interaction 'send an invitation': request field account_id: is required");
    assertThat(verify(pact(sendInvitation("{\"provider_id\":")))).singleElement().asString()
        .startsWith("interaction 'send an invitation': request body: is not valid JSON");
  }

  @Test
  void onlyWhatNoOperationHasIsNotInTheSpec() throws IOException {
    ObjectNode nowhere = interaction("nowhere", "GET", "/api/v1/nothing", null, null, 200, "{}");
    ObjectNode wrongMethod = interaction("wrong method", "PUT", "/api/v1/chats", null, null, 200, "{}");

    List<String> violations = verify(pact(nowhere, wrongMethod));

    assertThat(violations).hasSize(2);
    assertThat(violations.get(0)).startsWith("interaction 'nowhere': request path: /api/v1/nothing is not in the spec (paths: ")
        .contains("/api/v1/chats/{chat_id}/messages");
    assertThat(violations.get(1))
        .startsWith("interaction 'wrong method': request method: PUT /api/v1/chats is not in the spec (the path has ")
        .contains("GET").contains("POST").doesNotContain("PUT,");
  }

  @Test
  void theCommandLineEntryJudgesEveryOperationToo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Path good = pact(listChats("limit=10"));
    Path bad = pact(listChats("limit=0"));

    assertThat(VerifyPact.run(List.of(good), spec, print, print)).isEqualTo(VerifyPact.OK);
    assertThat(VerifyPact.run(List.of(bad), spec, print, print)).isEqualTo(VerifyPact.VIOLATIONS);
    assertThat(Printable.of(out.toString(StandardCharsets.UTF_8))).contains("request query parameter limit");
  }
}
