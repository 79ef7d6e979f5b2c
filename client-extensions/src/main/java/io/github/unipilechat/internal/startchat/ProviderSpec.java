package io.github.unipilechat.internal.startchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.spec.SpecDocument;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.Set;

/**
 * The provider's OpenAPI document as shipped in the generated jar (the same bytes the client was generated from),
 * seen from the start-chat operation: a view of the bundled {@link SpecModel}, the one model the client and the
 * contract kit read.
 */
public final class ProviderSpec {
  /** Classpath location of the bundled document. */
  public static final String RESOURCE = SpecModel.RESOURCE;

  /** The path of the start-chat operation, as the spec writes it. */
  public static final String START_CHAT_PATH = StartChat.PATH;

  private ProviderSpec() {}

  /** The whole document (shared; do not modify). */
  public static JsonNode document() {
    return SpecModel.bundled().document();
  }

  /** The start-chat request body schema, as a copy. */
  public static ObjectNode requestSchema() {
    return (ObjectNode) requestSchema(document()).deepCopy();
  }

  /**
   * The start-chat request body schema in {@code document} (shared, not copied).
   *
   * @throws IllegalArgumentException when the document has no start-chat operation, or it takes no body
   */
  public static JsonNode requestSchema(JsonNode document) {
    return StartChat.bodySchema(SpecModel.of(document));
  }

  /** Whether the bundled spec documents {@code status} as an answer of the start-chat operation. */
  public static boolean documentsStatus(int status) {
    return StartChat.operation(SpecModel.bundled()).statuses().contains(status);
  }

  /** The numeric response statuses the start-chat operation of {@code document} lists. */
  public static Set<Integer> statuses(JsonNode document) {
    return StartChat.operation(SpecModel.of(document)).statuses();
  }

  /** Follows the {@code $ref} chain from {@code node} (the one resolver, {@link SpecDocument#resolve}). */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    return SpecDocument.resolve(document, node);
  }
}
