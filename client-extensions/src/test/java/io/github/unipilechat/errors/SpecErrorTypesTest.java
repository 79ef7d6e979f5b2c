package io.github.unipilechat.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import org.junit.jupiter.api.Test;

/** Error types come from the spec: one the provider adds is known after the rebuild bundles the new document. */
class SpecErrorTypesTest {
  private static final String TYPES_422 =
      "/paths/~1api~1v1~1chats/post/responses/422/content/application~1json/schema/properties/type/enum";

  @Test
  void anErrorTypeAddedToTheSpecIsKnownWithItsStatus() {
    ObjectNode spec = ProviderSpec.document().deepCopy();
    ((ArrayNode) spec.at(TYPES_422)).add("errors/recipient_on_holiday");

    assertThat(ErrorType.fromSpec(spec)).containsEntry("errors/recipient_on_holiday", java.util.Set.of(422));
    assertThat(ErrorType.fromSpec(ProviderSpec.document())).doesNotContainKey("errors/recipient_on_holiday");
  }
}
