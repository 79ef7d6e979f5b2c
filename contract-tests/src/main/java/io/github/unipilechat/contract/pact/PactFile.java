package io.github.unipilechat.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP interactions of a pact file, read as plain JSON (no Pact JVM on the classpath): V4 files
 * ({@code "type": "Synchronous/HTTP"}, bodies as {@code {content, contentType, encoded}}) and V2/V3 files
 * (bodies as JSON values or strings, header values as strings). Message interactions are skipped.
 */
public record PactFile(Path path, String consumer, String provider, String specVersion,
    List<Interaction> interactions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request/response pair. */
  public record Interaction(String description, List<String> providerStates, Message request, Message response) {}

  /**
   * One side of an interaction. {@code method} and {@code path} are set for requests, {@code status} for
   * responses; header names are kept as written, values split per the pact.
   */
  public record Message(String method, String path, int status, Map<String, List<String>> headers,
      Optional<byte[]> body, Optional<String> contentType) {

    /** The first value of a header, names compared case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst();
    }

    /** The body's content type: the body's own, else the Content-Type header. */
    public Optional<String> mediaType() {
      return contentType.or(() -> header("Content-Type"));
    }

    public Optional<String> bodyText() {
      return body.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
  }

  public static PactFile read(Path path) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new IOException(path + ": not a pact file (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !root.path("interactions").isArray()) {
      throw new IOException(path + ": not a pact file (no \"interactions\" array)");
    }
    String version = root.path("metadata").path("pactSpecification").path("version").asText(
        root.path("metadata").path("pact-specification").path("version").asText(""));
    List<Interaction> interactions = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("interactions")) {
      index++;
      String type = node.path("type").asText("Synchronous/HTTP");
      if (!type.equals("Synchronous/HTTP") || !node.has("request")) {
        continue;
      }
      String description = node.path("description").asText("interaction #" + index);
      List<String> states = new ArrayList<>();
      node.path("providerStates").forEach(s -> states.add(s.path("name").asText()));
      if (node.hasNonNull("providerState")) {
        states.add(node.path("providerState").asText());
      }
      interactions.add(new Interaction(description, List.copyOf(states),
          message(node.path("request"), true), message(node.path("response"), false)));
    }
    return new PactFile(path, root.path("consumer").path("name").asText(""),
        root.path("provider").path("name").asText(""), version, List.copyOf(interactions));
  }

  private static Message message(JsonNode node, boolean request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      List<String> values = new ArrayList<>();
      if (header.getValue().isArray()) {
        header.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(header.getValue().asText());
      }
      headers.put(header.getKey(), List.copyOf(values));
    }
    Optional<byte[]> body = Optional.empty();
    Optional<String> contentType = Optional.empty();
    JsonNode bodyNode = node.get("body");
    if (bodyNode != null && !bodyNode.isNull()) {
      if (bodyNode.isObject() && bodyNode.has("content")) { // V4
        contentType = Optional.ofNullable(bodyNode.path("contentType").textValue());
        JsonNode content = bodyNode.get("content");
        String encoded = bodyNode.path("encoded").asText("false").toLowerCase(Locale.ROOT);
        if (content.isTextual() && encoded.equals("base64")) {
          body = Optional.of(Base64.getMimeDecoder().decode(content.asText()));
        } else if (content.isTextual()) {
          body = Optional.of(content.asText().getBytes(StandardCharsets.UTF_8));
        } else {
          body = Optional.of(content.toString().getBytes(StandardCharsets.UTF_8));
        }
      } else if (bodyNode.isTextual()) { // V2/V3 text body
        body = Optional.of(bodyNode.asText().getBytes(StandardCharsets.UTF_8));
      } else { // V2/V3 JSON body
        body = Optional.of(bodyNode.toString().getBytes(StandardCharsets.UTF_8));
        contentType = Optional.of("application/json");
      }
    }
    String method = request ? node.path("method").asText("GET").toUpperCase(Locale.ROOT) : null;
    String path = request ? node.path("path").asText("/") : null;
    int status = request ? 0 : node.path("status").asInt(200);
    return new Message(method, path, status, Map.copyOf(headers), body, contentType);
  }
}
