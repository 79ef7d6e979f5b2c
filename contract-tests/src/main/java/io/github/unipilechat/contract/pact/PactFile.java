package io.github.unipilechat.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.contract.spec.ReceivedRequest;
import io.github.unipilechat.internal.spec.JsonFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
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

  /** One request/response pair. */
  public record Interaction(String description, List<String> providerStates, Message request, Message response) {}

  /**
   * One side of an interaction. {@code method}, {@code path} and {@code query} are set for requests, {@code status}
   * for responses; header names are kept as written, values split per the pact.
   *
   * @param query the request's query parameters in order, decoded (V3/V4 {@code "query": {"a": ["1"]}}, V2
   *     {@code "query": "a=1"}, or a {@code ?} in the path), a repeated name once per value
   */
  public record Message(String method, String path, int status, Map<String, List<String>> headers,
      Optional<byte[]> body, Optional<String> contentType, List<Map.Entry<String, String>> query) {
    /** Copies the query. */
    public Message {
      query = List.copyOf(query);
    }

    /** A message without query parameters. */
    public Message(String method, String path, int status, Map<String, List<String>> headers, Optional<byte[]> body,
        Optional<String> contentType) {
      this(method, path, status, headers, body, contentType, List.of());
    }

    /** The first value of a header, names compared case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst();
    }

    /**
     * The body's content type: the body's own, else the Content-Type header. Pact JS's {@code multipartBody()}
     * writes the boundary only in the header ({@code body.contentType} is a bare {@code multipart/form-data}),
     * so a body type without parameters takes the header's when both name the same media type.
     */
    public Optional<String> mediaType() {
      Optional<String> header = header("Content-Type");
      if (contentType.isPresent() && header.isPresent() && contentType.get().indexOf(';') < 0
          && essence(header.get()).equals(essence(contentType.get()))) {
        return header;
      }
      return contentType.or(() -> header);
    }

    private static String essence(String mediaType) {
      int semicolon = mediaType.indexOf(';');
      return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The body as UTF-8 text, when there is one. */
    public Optional<String> bodyText() {
      return body.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * The largest pact file read, 64 MB: far above any real pact (they are kilobytes); a larger file is refused from
   * its size before it is read, and no file is read past it whatever size it reports.
   */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /** Reads a pact file of at most {@link #DEFAULT_MAX_BYTES}, as {@link #read(Path, long)} does. */
  public static PactFile read(Path path) throws IOException {
    return read(path, DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a pact file: a regular file only (a device or a pipe is refused, never opened), at most {@code maxBytes}
   * read; a file that is not JSON is reported by line and column, never quoted.
   *
   * @throws IOException unreadable, over {@code maxBytes}, not JSON or not a pact; the message names the file
   */
  public static PactFile read(Path path, long maxBytes) throws IOException {
    byte[] bytes;
    try {
      bytes = JsonFile.readBytes(path, maxBytes);
    } catch (JsonFile.TooLargeException e) {
      throw new IOException(path + ": " + e.getMessage() + " for a pact file (verify-pact --max-file-size)", e);
    } catch (IOException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = JsonFile.parse(bytes);
    } catch (IOException e) {
      throw new IOException(path + ": not a pact file (" + e.getMessage() + ")", e);
    }
    if (!root.isObject() || !root.path("interactions").isArray()) {
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
      try {
        interactions.add(new Interaction(description, List.copyOf(states),
            message(node.path("request"), true), message(node.path("response"), false)));
      } catch (IllegalArgumentException e) {
        throw new IOException(path + ": interaction '" + description + "': " + e.getMessage(), e);
      }
    }
    return new PactFile(path, root.path("consumer").path("name").asText(""),
        root.path("provider").path("name").asText(""), version, List.copyOf(interactions));
  }

  private static Message message(JsonNode node, boolean request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("headers").properties().iterator(); it.hasNext(); ) {
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
          try {
            body = Optional.of(Base64.getMimeDecoder().decode(content.asText()));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((request ? "request" : "response")
                + " body is marked \"encoded\": \"base64\" but is not valid base64 (" + e.getMessage() + ")", e);
          }
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
    List<Map.Entry<String, String>> query = new ArrayList<>();
    if (path != null && path.indexOf('?') >= 0) {
      query.addAll(ReceivedRequest.query(path.substring(path.indexOf('?') + 1)));
      path = path.substring(0, path.indexOf('?'));
    }
    JsonNode queryNode = node.path("query");
    if (queryNode.isTextual()) { // V2
      query.addAll(ReceivedRequest.query(queryNode.asText()));
    } else if (queryNode.isObject()) { // V3, V4: values as written, already decoded
      queryNode.properties().forEach(entry -> {
        if (entry.getValue().isArray()) {
          entry.getValue().forEach(v -> query.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), v.asText())));
        } else {
          query.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), entry.getValue().asText()));
        }
      });
    }
    return new Message(method, path, status, Map.copyOf(headers), body, contentType, query);
  }
}
