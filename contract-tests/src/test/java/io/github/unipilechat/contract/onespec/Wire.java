package io.github.unipilechat.contract.onespec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.contract.pact.VerifyPact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/** One multipart request, sent to a mock or written into a V4 pact for verify-pact. */
final class Wire {
  static final String BOUNDARY = "one-spec-boundary";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  record Answer(int status, JsonNode body) {
    String detail() {
      return body.path("detail").asText();
    }
  }

  record Verdict(int exit, String out) {}

  private final MultipartBody.Builder form = new MultipartBody.Builder(BOUNDARY).setType(MultipartBody.FORM);

  /** account_id + attendees_ids, then name/value pairs. */
  static Wire valid(String... namesAndValues) {
    Wire wire = new Wire().add("account_id", "acc_1").add("attendees_ids", "ACoAAB1");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      wire.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return wire;
  }

  Wire add(String name, String value) {
    form.addFormDataPart(name, value);
    return this;
  }

  MultipartBody body() {
    return form.build();
  }

  Answer post(MockUnipileServer mock, String... headers) {
    Request.Builder request = new Request.Builder().url(mock.baseUrl() + "/api/v1/chats").post(body())
        .header("X-API-KEY", "one-spec-key");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      return new Answer(response.code(), JSON.readTree(response.body().string()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A V4 pact with this request and a response of {@code status} with {@code responseBody} (JSON). */
  Path pact(Path dir, int status, String responseBody) {
    try {
      Buffer buffer = new Buffer();
      body().writeTo(buffer);
      String contentType = "multipart/form-data; boundary=" + BOUNDARY;
      ObjectNode pact = JSON.createObjectNode();
      pact.putObject("consumer").put("name", "one-spec");
      pact.putObject("provider").put("name", "unipile");
      ArrayNode interactions = pact.putArray("interactions");
      ObjectNode interaction = interactions.addObject().put("type", "Synchronous/HTTP").put("description", "the request");
      ObjectNode request = interaction.putObject("request").put("method", "POST").put("path", "/api/v1/chats");
      request.putObject("headers").set("X-API-KEY", JSON.createArrayNode().add("k"));
      ((ObjectNode) request.get("headers")).set("Content-Type", JSON.createArrayNode().add(contentType));
      request.putObject("body").put("content", buffer.readUtf8()).put("contentType", contentType).put("encoded", false);
      ObjectNode response = interaction.putObject("response").put("status", status);
      response.putObject("headers").set("Content-Type", JSON.createArrayNode().add("application/json"));
      response.putObject("body").put("contentType", "application/json").put("encoded", false)
          .set("content", JSON.readTree(responseBody));
      pact.putObject("metadata").putObject("pactSpecification").put("version", "4.0");
      Path file = Files.createTempFile(dir, "pact", ".json");
      Files.writeString(file, pact.toPrettyString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Verdict verify(Path pact, Path specOrNull, boolean acceptNotDescribed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = VerifyPact.run(List.of(pact), specOrNull, 1 << 24, acceptNotDescribed, o, e);
    }
    return new Verdict(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }

  static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}";
}
