package io.github.unipilechat.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A Pact V3 file like a consumer's: four start-chat interactions, each multipart, each answered 201. */
final class FourInteractionPact {
  private static final String BOUNDARY = "bench-boundary";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FourInteractionPact() {}

  static String json() {
    return json(0);
  }

  /** File {@code n} of a set: its texts carry {@code n}, so no two files send the same request. */
  static String json(int n) {
    String tag = n == 0 ? "" : " #" + n;
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", "benchmark-consumer");
    pact.putObject("provider").put("name", "unipile");
    ArrayNode interactions = pact.putArray("interactions");
    interactions.add(interaction("a plain chat", List.of(
        field("account_id", "acc_1"), field("attendees_ids", "ACoAAB1"), field("text", "Hello" + tag))));
    interactions.add(interaction("a chat with two attendees and a subject", List.of(
        field("account_id", "acc_1"), field("attendees_ids", "ACoAAB1"), field("attendees_ids", "ACoAAB2"),
        field("subject", "Hi"), field("text", "Hello both" + tag))));
    interactions.add(interaction("an InMail", List.of(
        field("account_id", "acc_1"), field("attendees_ids", "ACoAAB1"), field("text", "Hello" + tag),
        field("linkedin[api]", "classic"), field("linkedin[inmail]", "true"))));
    interactions.add(interaction("a chat with an attachment", List.of(
        field("account_id", "acc_1"), field("attendees_ids", "ACoAAB1"), field("text", "See attached" + tag),
        "Content-Disposition: form-data; name=\"attachments\"; filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\nhi")));
    pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
    return pact.toPrettyString();
  }

  private static String field(String name, String value) {
    return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
  }

  private static ObjectNode interaction(String description, List<String> parts) {
    StringBuilder body = new StringBuilder();
    parts.forEach(part -> body.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n"));
    body.append("--").append(BOUNDARY).append("--\r\n");
    ObjectNode interaction = JSON.createObjectNode().put("description", description);
    ObjectNode request = interaction.putObject("request").put("method", "POST").put("path", "/api/v1/chats");
    request.putObject("headers").put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).put("X-API-KEY", "k");
    request.put("body", body.toString());
    ObjectNode response = interaction.putObject("response").put("status", 201);
    response.putObject("headers").put("Content-Type", "application/json");
    response.putObject("body").put("object", "ChatStarted").put("chat_id", "chat_1").put("message_id", "msg_1");
    return interaction;
  }
}
