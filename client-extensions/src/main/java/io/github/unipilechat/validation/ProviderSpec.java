package io.github.unipilechat.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The provider's OpenAPI document as shipped in the generated jar: the same bytes the client was generated from. */
public final class ProviderSpec {
  /** Classpath location of the bundled document. */
  public static final String RESOURCE = "/io/github/unipilechat/openapi/unipile-start-new-chat.openapi.json";

  /** The path of the start-chat operation, as the spec and the generated interface write it. */
  public static final String START_CHAT_PATH = "/api/v1/chats";

  private static final String REQUEST_SCHEMA =
      "/paths/" + START_CHAT_PATH.replace("~", "~0").replace("/", "~1") + "/post/requestBody/content/multipart~1form-data/schema";

  private static final JsonNode DOCUMENT = load();
  private static final Set<Integer> STATUSES = statuses(DOCUMENT);

  private ProviderSpec() {}

  /** The whole document (shared; do not modify). */
  public static JsonNode document() {
    return DOCUMENT;
  }

  /** The multipart request schema of {@code POST /api/v1/chats}, as a copy. */
  public static ObjectNode requestSchema() {
    return (ObjectNode) DOCUMENT.at(REQUEST_SCHEMA).deepCopy();
  }

  /** The multipart request schema of {@code POST /api/v1/chats} in {@code document} (shared, not copied). */
  public static JsonNode requestSchema(JsonNode document) {
    JsonNode schema = document.at(REQUEST_SCHEMA);
    if (!schema.isObject()) {
      throw new IllegalStateException("the OpenAPI document has no multipart/form-data body for POST /api/v1/chats");
    }
    return schema;
  }

  /** Whether the spec documents {@code status} as an answer of {@code POST /api/v1/chats}. */
  public static boolean documentsStatus(int status) {
    return STATUSES.contains(status);
  }

  /** The numeric response statuses the start-chat operation of {@code document} lists. */
  public static Set<Integer> statuses(JsonNode document) {
    Set<Integer> statuses = new TreeSet<>();
    document.path("paths").path(START_CHAT_PATH).path("post").path("responses").fieldNames().forEachRemaining(key -> {
      if (key.matches("[1-5][0-9][0-9]")) {
        statuses.add(Integer.valueOf(key));
      }
    });
    return Collections.unmodifiableSet(statuses);
  }

  /** Follows local {@code $ref}s from {@code node} (bounded: a cycle stops after a few hops rather than looping). */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    for (int depth = 0; depth < 16 && node.has("$ref"); depth++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return node;
      }
      node = document.at(ref.substring(1));
    }
    return node;
  }

  private static JsonNode load() {
    try (InputStream in = ProviderSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the provider's OpenAPI document is missing from the classpath: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
