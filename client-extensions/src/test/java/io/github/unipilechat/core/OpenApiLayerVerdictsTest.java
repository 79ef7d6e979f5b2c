package io.github.unipilechat.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.internal.openapi.OpenApiLayer;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI layer keeps one verdict per request shape, for requests the kit receives as for those the client
 * sends. A shape is built from the sender's own names and values, so none may forge another: each case first judges
 * a valid request, then one whose text spells the valid one's shape, and must still refuse the second.
 */
class OpenApiLayerVerdictsTest {
  private static final SpecModel SPEC = limitRequired();
  private static final Operation LIST = SPEC.operation("ChatsController_listAllChats");

  private static SpecModel limitRequired() {
    ObjectNode document = ProviderPages.seedWith("Messaging__list-all-chats.md").document().deepCopy();
    document.path("paths").path("/api/v1/chats").path("get").path("parameters").forEach(parameter -> {
      if (parameter.path("name").asText().equals("limit")) {
        ((ObjectNode) parameter).put("required", true);
      }
    });
    return SpecModel.of(document);
  }

  private static List<Violation> received(List<Map.Entry<String, String>> query, Map<String, List<String>> headers) {
    return OpenApiLayer.of(SPEC).request(LIST, Map.of(), query, headers, false);
  }

  private static Map<String, List<String>> headers(String accept, boolean key) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Accept", List.of(accept));
    if (key) {
      headers.put("X-API-KEY", List.of("sk-test"));
    }
    return headers;
  }

  @Test
  void aQueryNameSpellingAnotherShapeGetsItsOwnVerdict() {
    assertThat(received(List.of(Map.entry("limit", "5"), Map.entry("cursor", "c")), headers("*/*", true))).isEmpty();

    assertThat(received(List.of(Map.entry("limit=[v]&cursor", "c")), headers("*/*", true)))
        .extracting(Violation::toString).contains("limit: is required (query parameter)");
  }

  @Test
  void aHeaderValueSpellingACredentialGetsItsOwnVerdict() {
    assertThat(received(List.of(Map.entry("limit", "5")), headers("application/json", true))).isEmpty();

    assertThat(received(List.of(Map.entry("limit", "5")), headers("application/json]\nx-api-key:[v", false)))
        .extracting(Violation::toString).anyMatch(finding -> finding.startsWith("X-API-KEY: is required"));
  }

  @Test
  void aRequestTheClientSendsIsJudgedByWhatVaries() {
    OpenApiLayer layer = OpenApiLayer.of(SPEC);

    assertThat(layer.sending(LIST, Map.of(), List.of(Map.entry("limit", "5")), Map.of(), null, false)).isEmpty();
    assertThat(layer.sending(LIST, Map.of(), List.of(), Map.of(), null, false)).extracting(Violation::toString)
        .containsExactly("limit: is required (query parameter)");
    assertThat(layer.sending(LIST, Map.of(), List.of(Map.entry("limit", "5")), Map.of(), null, true))
        .extracting(Violation::toString).anyMatch(finding -> finding.startsWith("body: is not expected"));
  }
}
