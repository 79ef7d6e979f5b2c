package io.github.unipilechat.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.Set;

/**
 * The provider's OpenAPI document as shipped in the generated jar: the same bytes the client was generated from.
 * A view of the bundled {@link SpecModel}, the one model the client and the contract kit read.
 */
public final class ProviderSpec {
  /** Classpath location of the bundled document. */
  public static final String RESOURCE = SpecModel.RESOURCE;

  /** The path of the start-chat operation, as the spec and the generated interface write it. */
  public static final String START_CHAT_PATH = SpecModel.PATH;

  private ProviderSpec() {}

  /** The whole document (shared; do not modify). */
  public static JsonNode document() {
    return SpecModel.bundled().document();
  }

  /** The multipart request schema of {@code POST /api/v1/chats}, as a copy. */
  public static ObjectNode requestSchema() {
    return (ObjectNode) SpecModel.bundled().requestSchema().deepCopy();
  }

  /**
   * The multipart request schema of {@code POST /api/v1/chats} in {@code document} (shared, not copied).
   *
   * @throws IllegalArgumentException when the document has none
   */
  public static JsonNode requestSchema(JsonNode document) {
    return SpecModel.requestSchemaOf(document);
  }

  /** Whether the spec documents {@code status} as an answer of {@code POST /api/v1/chats}. */
  public static boolean documentsStatus(int status) {
    return SpecModel.bundled().documentsStatus(status);
  }

  /** The numeric response statuses the start-chat operation of {@code document} lists. */
  public static Set<Integer> statuses(JsonNode document) {
    return SpecModel.statusesOf(document);
  }

  /** Follows the {@code $ref} chain from {@code node} (the one resolver, {@link SpecModel#resolve}). */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    return SpecModel.resolve(document, node);
  }
}
