package io.github.unipilechat.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.wire.ChatServer;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 201 is bounded like an error body (a larger one is outcome unknown, never read whole), and read as bytes when it
 * is UTF-8 (the usual case, and the fast one) or through its declared charset: the chat id arrives the same either way.
 */
class CreatedBodyTest {
  private static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_é\",\"message_id\":\"msg_1\"}";

  @RegisterExtension
  final ChatServer server = new ChatServer();

  @Test
  void utf8WithoutCharsetIsRead() {
    answer("application/json", CREATED.getBytes(StandardCharsets.UTF_8));
    assertThat(chatId()).isEqualTo("chat_é");
  }

  @Test
  void utf8WithByteOrderMarkIsRead() {
    byte[] json = CREATED.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    answer("application/json; charset=utf-8", withBom);
    assertThat(chatId()).isEqualTo("chat_é");
  }

  @Test
  void declaredLatin1IsDecodedAsLatin1() {
    answer("application/json; charset=ISO-8859-1", CREATED.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(chatId()).isEqualTo("chat_é");
  }

  @Test
  void utf16IsDetectedFromTheBytes() {
    answer("application/json", CREATED.getBytes(StandardCharsets.UTF_16BE));
    assertThat(chatId()).isEqualTo("chat_é");
  }

  @Test
  void aDeeplyNestedAnswerIsOutcomeUnknownNotACrash() {
    String nested = "[".repeat(100_000) + "]".repeat(100_000);
    answer("application/json", ("{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\"x\":" + nested + "}")
        .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(this::chatId).isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void anAnswerOverTheBodyLimitIsOutcomeUnknownAndNotReadWhole() {
    String padding = "x".repeat(ApiError.BODY_LIMIT);
    answer("application/json", ("{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\",\"x\":\"" + padding + "\"}")
        .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(this::chatId).isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("over " + ApiError.BODY_LIMIT + " bytes");
  }

  @Test
  void anAnswerJustUnderTheLimitIsRead() {
    String prefix = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_é\",\"message_id\":\"msg_1\",\"x\":\"";
    String json = prefix + "x".repeat(ApiError.BODY_LIMIT - prefix.getBytes(StandardCharsets.UTF_8).length - 2) + "\"}";
    answer("application/json", json.getBytes(StandardCharsets.UTF_8));

    assertThat(chatId()).isEqualTo("chat_é");
  }

  private void answer(String contentType, byte[] body) {
    server.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", contentType)
        .body(new Buffer().write(body)).build());
  }

  private String chatId() {
    ChatStarted started = server.client().startChat(ChatServer.request());
    return started.chatId().orElseThrow();
  }
}
