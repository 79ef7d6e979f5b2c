package io.github.unipilechat.contract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.contract.ProviderPages;
import io.github.unipilechat.contract.spec.Route;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mock's documented answers, for every answer with a JSON body of every operation the pages and the seed have. */
class ExampleAnswerTest {
  private static final SpecValidator SPEC = ProviderPages.spec(ProviderPages.ALL);

  @Test
  void everyDocumentedJsonAnswerIsBuiltValid() {
    List<String> checked = new ArrayList<>();
    SPEC.document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      String operationId = method.getValue().path("operationId").asText();
      Route.Found route = new Route.Found(operationId, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), Map.of());
      for (String key : SPEC.documentedStatuses(operationId)) {
        int status = Integer.parseInt(key);
        JsonNode schema = SPEC.responseSchema(operationId, status).orElse(null);
        if (schema == null) {
          continue;
        }
        JsonNode answer = ExampleAnswer.of(SPEC.document(), schema).next();
        assertThat(SPEC.validateResponse(route, status, "application/json", Map.of(), answer.toString()).violations())
            .as("%s %s: %s", route, status, answer).isEmpty();
        checked.add(route + " " + status);
      }
    }));
    assertThat(checked).hasSizeGreaterThan(ProviderPages.ALL.length);
  }

  @Test
  void idsAreFreshOnEveryAnswerAndConstantsStay() {
    JsonNode schema = SPEC.responseSchema("ChatsController_sendMessageInChat", 201).orElseThrow();
    ExampleAnswer example = ExampleAnswer.of(SPEC.document(), schema);
    JsonNode first = example.next();
    JsonNode second = example.next();

    assertThat(first.path("object").asText()).isEqualTo("MessageSent");
    assertThat(first.path("message_id").asText()).isNotBlank().isNotEqualTo(second.path("message_id").asText());
  }
}
