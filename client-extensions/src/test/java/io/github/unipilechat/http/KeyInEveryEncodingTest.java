package io.github.unipilechat.http;

import static io.github.unipilechat.wire.ChatServer.API_KEY;
import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.wire.ChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server that echoes the key in another encoding: what the client returns, throws and logs never holds it. */
class KeyInEveryEncodingTest {
  private static final String BASE64 = Base64.getEncoder().encodeToString(API_KEY.getBytes(StandardCharsets.UTF_8));
  private static final String URL_ENCODED = URLEncoder.encode(API_KEY, StandardCharsets.UTF_8).replace("-", "%2d");

  @RegisterExtension
  final ChatServer server = new ChatServer();

  /** It used to come back as the chat id, in toString() and in the debug log line "chat_id=...". */
  @Test
  void aCreatedWhoseIdsAndHeadersEchoTheKeyReturnsThemRedacted() throws Exception {
    server.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .addHeader("X-Echo", "key " + URL_ENCODED)
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"" + API_KEY + "\",\"message_id\":\"" + BASE64 + "\"}")
        .build());
    ChatStarted started;
    String logs;
    try (Capture capture = new Capture()) {
      started = server.client().startChat(request());
      logs = capture.text();
    }

    assertThat(started.chatId()).contains("[redacted]");
    assertThat(started.messageId()).contains("[redacted]");
    assertThat(started.headers().get("X-Echo")).isEqualTo("key [redacted]");
    for (String seen : List.of(started.toString(), logs)) {
      assertThat(seen).doesNotContain(API_KEY, BASE64, URL_ENCODED);
    }
  }

  @Test
  void aDriftFailureNamingTheStartedChatNeverShowsTheKey() {
    server.enqueue(201, "{\"object\":\"ChatStarted\",\"chat_id\":\"" + BASE64 + "\",\"message_id\":\"m\",\"x\":1}");

    ResponseDriftException e;
    try (var client = server.builder().checkResponse(ResponseCheck.FAIL).build()) {
      e = catchThrowableOfType(ResponseDriftException.class, () -> client.startChat(request()));
    }

    assertThat(e.getMessage()).contains("chat_id=[redacted]").doesNotContain(BASE64);
  }

  /** A key echoed base64-encoded in the type or URL-encoded in the title used to be printed as-is. */
  @Test
  void anErrorEchoingTheKeyInBase64OrUrlEncodingIsRedactedEverywhereUsersLook() {
    server.enqueue(422, "{\"type\":\"" + BASE64 + "\",\"status\":422,\"title\":\"key=" + URL_ENCODED
        + "\",\"detail\":\"Basic " + Base64.getEncoder().encodeToString(("user:" + API_KEY).getBytes(StandardCharsets.UTF_8))
        + "\",\"instance\":\"" + BASE64.replace("=", "") + "\"}");

    UnipileApiException e = catchThrowableOfType(UnipileApiException.class, () -> server.client().startChat(request()));

    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    assertThat(e.type().raw()).isEqualTo("[redacted]");
    assertThat(e.title()).contains("key=[redacted]");
    for (String seen : List.of(e.getMessage(), e.toString(), e.type().raw(), e.title().orElseThrow(),
        e.detail().orElseThrow(), e.instance().orElseThrow(), e.body(), e.json().orElseThrow().toString(),
        e.error().toString(), trace.toString(StandardCharsets.UTF_8))) {
      assertThat(seen).doesNotContain(API_KEY, BASE64, BASE64.replace("=", ""), URL_ENCODED,
          BASE64.substring(4, 20));
    }
  }

  /** slf4j-simple prints to whatever System.err is at the call; debug level set on the loggers read here. */
  private static final class Capture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original = System.err;
    private final Logger logger = LoggerFactory.getLogger("io.github.unipilechat.UnipileChatClient");
    private final int level;

    Capture() throws ReflectiveOperationException {
      level = level(logger, 0);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    String text() {
      return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws ReflectiveOperationException {
      System.setErr(original);
      level(logger, level);
    }

    private static int level(Logger logger, int to) throws ReflectiveOperationException {
      Field field = logger.getClass().getDeclaredField("currentLogLevel");
      field.setAccessible(true);
      int before = field.getInt(logger);
      field.setInt(logger, to);
      return before;
    }
  }
}
