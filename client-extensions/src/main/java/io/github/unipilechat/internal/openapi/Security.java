package io.github.unipilechat.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.spec.Operation;
import java.util.ArrayList;
import java.util.List;

/** The credentials an operation asks for, as the document's security requirements and schemes say. */
public final class Security {
  /**
   * The one header this client puts its key in (the provider's {@code apiKey} scheme today). A document that asks for
   * other credentials gets a request refused before it is sent: the OpenAPI layer finds them missing.
   */
  public static final String CLIENT_KEY_HEADER = "X-API-KEY";

  private Security() {}

  /**
   * The headers of the first security requirement of {@code operation} (its own, else the document's): an
   * {@code apiKey} scheme's header name, {@code Authorization} for an {@code http} scheme; empty when none is required
   * (no requirement, or an empty one that makes credentials optional).
   */
  public static List<String> headers(JsonNode document, Operation operation) {
    JsonNode security = operation.node().has("security") ? operation.node().get("security") : document.path("security");
    List<String> headers = new ArrayList<>();
    if (!security.isArray() || security.isEmpty()) {
      return headers;
    }
    for (JsonNode requirement : security) {
      if (requirement.isEmpty()) {
        return List.of();
      }
    }
    security.get(0).fieldNames().forEachRemaining(name -> {
      JsonNode scheme = document.path("components").path("securitySchemes").path(name);
      if ("apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText())) {
        headers.add(scheme.path("name").asText());
      } else if ("http".equals(scheme.path("type").asText())) {
        headers.add("Authorization");
      }
    });
    return List.copyOf(headers);
  }
}
