package io.github.unipilechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.internal.text.UntrustedText;
import java.util.Optional;
import okhttp3.Headers;

/** The provider's answer to a started chat: its ids (either may be null per the spec) and the raw status and headers. */
public final class ChatStarted {
  /** Far longer than any id the provider gives; an id is an echo of the server, so a message shows it bounded. */
  private static final int ID_SHOWN_MAX = 100;

  private final String chatId;
  private final String messageId;
  private final int status;
  private final Headers headers;

  /** An answer as the client read it: ids as given (null when absent), the status and headers. */
  public ChatStarted(String chatId, String messageId, int status, Headers headers) {
    this.chatId = chatId;
    this.messageId = messageId;
    this.status = status;
    this.headers = headers;
  }

  /**
   * The started chat a documented start-chat success holds: its ids as given (a JSON null or an absent id reads as
   * none).
   *
   * @param response the documented success
   * @return the started chat
   */
  public static ChatStarted of(OperationResponse response) {
    JsonNode body = response.json().orElse(null);
    return new ChatStarted(text(body, "chat_id"), text(body, "message_id"), response.status(), response.headers());
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body == null ? null : body.get(name);
    return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
  }

  /** The new chat's id, when the provider gave one. */
  public Optional<String> chatId() {
    return Optional.ofNullable(chatId);
  }

  /** The sent message's id, when the provider gave one. */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }

  /** The HTTP status of the answer (a documented success, e.g. 201). */
  public int status() {
    return status;
  }

  /** The answer's headers, as received but for the API key, redacted from any value that echoed it. */
  public Headers headers() {
    return headers;
  }

  /** One line, each id bounded (the accessors have them whole). */
  @Override
  public String toString() {
    return "ChatStarted{status=" + status + ", chat_id=" + shown(chatId()) + ", message_id=" + shown(messageId())
        + "}";
  }

  /** An id as a message shows it: one line, bounded; "null" when absent. */
  private static String shown(Optional<String> id) {
    return id.map(text -> UntrustedText.oneLine(text, ID_SHOWN_MAX)).orElse("null");
  }
}
