package io.github.unipilechat.http;

import static io.github.unipilechat.wire.ChatServer.API_KEY;
import static io.github.unipilechat.wire.ChatServer.errorJson;
import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.UnexpectedStatusException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.transport.ApiKey;
import io.github.unipilechat.internal.transport.ApiKeyInterceptor;
import io.github.unipilechat.wire.CallMode;
import io.github.unipilechat.wire.ChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The key goes to the configured origin only, never into logs or messages; hostile values cannot split parts. */
class SecretsAndHostileInputTest {
  @RegisterExtension
  final ChatServer server = new ChatServer();

  /** Redirects are not followed: a 3xx elsewhere would carry the message (and on 307/308 the whole body) there. */
  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aCrossHostRedirectReachesNeitherTheKeyNorTheMessageToTheOtherHost(int status) throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(0);
      server.server().enqueue(new MockResponse.Builder().code(status).addHeader("Location", otherHost(other)).build());
      other.enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED).build());

      UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
          () -> server.client().startChat(request()));

      assertThat(e.status()).isEqualTo(status);
      assertThat(e.headers().get("Location")).isEqualTo(otherHost(other).toString());
      assertThat(server.requests()).isEqualTo(1);
      assertThat(other.getRequestCount()).isZero();
      assertThat(server.take().getHeaders().get("X-API-KEY")).isEqualTo(API_KEY);
    }
  }

  /** Defence in depth for a client that does follow redirects: the key interceptor drops the key off-origin. */
  @Test
  void theKeyInterceptorDropsTheKeyOnAFollowedCrossHostRedirect() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(0);
      server.server().enqueue(new MockResponse.Builder().code(307).addHeader("Location", otherHost(other)).build());
      other.enqueue(new MockResponse.Builder().code(200).body("ok").build());
      OkHttpClient following = new OkHttpClient.Builder().followRedirects(true)
          .addNetworkInterceptor(new ApiKeyInterceptor(ApiKey.of(API_KEY), server.server().url("/"))).build();

      try (okhttp3.Response response = following.newCall(new okhttp3.Request.Builder().url(server.server().url("/x"))
          .header("X-API-KEY", "set-by-caller").post(okhttp3.RequestBody.create("m", MediaType.get("text/plain")))
          .build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }

      assertThat(server.requests()).isEqualTo(1);
      assertThat(other.getRequestCount()).isEqualTo(1);
      assertThat(server.take().getHeaders().get("X-API-KEY")).isEqualTo(API_KEY);
      RecordedRequest second = other.takeRequest(5, TimeUnit.SECONDS);
      assertThat(second.getHeaders().get("X-API-KEY")).isNull();
      assertThat(second.getHeaders().toString()).doesNotContain(API_KEY);
      following.dispatcher().executorService().shutdown();
    }
  }

  /** The other server under the other loopback name, so host (not only port) differs. */
  private HttpUrl otherHost(MockWebServer other) {
    return other.url("/elsewhere").newBuilder()
        .host(server.server().url("/").host().equals("127.0.0.1") ? "localhost" : "127.0.0.1").build();
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() {
    assertThatThrownBy(() -> UnipileChatClient.builder().baseUrl("http://api8.unipile.com:13851").apiKey(API_KEY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http").hasMessageNotContaining(API_KEY);
    UnipileChatClient.builder().baseUrl("http://api8.unipile.com:13851").apiKey(API_KEY).allowInsecureHttp(true)
        .build().close();
    UnipileChatClient.builder().baseUrl("http://127.0.0.1:8080").apiKey(API_KEY).build().close();
    UnipileChatClient.builder().baseUrl("http://localhost:8080").apiKey(API_KEY).build().close();
    UnipileChatClient.builder().baseUrl("https://api8.unipile.com:13851").apiKey(API_KEY).build().close();
  }

  /** Loopback is a literal loopback address or exactly "localhost": a name can point anywhere its owner wants. */
  @ParameterizedTest
  @ValueSource(strings = {"http://127.attacker.example", "http://127.0.0.1.nip.io:8080", "http://127.0.0.1.attacker.example",
      "http://localhost.attacker.example", "http://127.evil", "http://[::2]:8080", "http://128.0.0.1"})
  void plainHttpToANameThatLooksLikeLoopbackIsRefused(String url) {
    assertThatThrownBy(() -> UnipileChatClient.builder().baseUrl(url).apiKey(API_KEY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.1.2.3:8080", "http://localhost:8080", "http://LOCALHOST",
      "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]:8080"})
  void plainHttpToALiteralLoopbackAddressIsAllowed(String url) {
    UnipileChatClient.builder().baseUrl(url).apiKey(API_KEY).build().close();
  }

  @Test
  void aPasswordInTheBaseUrlIsNeverShown() {
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl("https://user:hunter2@api8.unipile.com:13851/")
        .apiKey(API_KEY).build()) {
      assertThat(client.toString()).isEqualTo("UnipileChatClient{https://api8.unipile.com:13851/}");
    }
    assertThatThrownBy(() -> UnipileChatClient.builder().baseUrl("ftp://user:hunter2@host/").apiKey(API_KEY).build())
        .hasMessageNotContaining("hunter2");
  }

  /**
   * A server echoing the key with JSON escapes: once decoded (detail(), the message) it would be the key. Every
   * place a user looks is checked, for each spelling, blocking and async.
   */
  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource
  void aJsonEscapedEchoOfTheKeyIsRedactedEverywhereUsersLook(String spelled, CallMode mode) throws Exception {
    String key = "sk/live\"q-9f8e7d6c";
    server.server().enqueue(new MockResponse.Builder().code(422).addHeader("Content-Type", "application/json")
        .addHeader("X-Echo", spelled)
        .body("{\"type\":\"errors/invalid_recipient\",\"status\":422,\"title\":\"bad " + spelled
            + "\",\"detail\":\"key was " + spelled + "\",\"instance\":\"" + spelled + "\"}").build());
    UnipileApiException e;
    try (UnipileChatClient client = server.builder().apiKey(key).build()) {
      e = (UnipileApiException) mode.failure(client, request());
    }
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    JsonNode decodedBody = new ObjectMapper().readTree(e.body());
    for (String seen : List.of(e.getMessage(), e.toString(), e.detail().orElseThrow(), e.title().orElseThrow(),
        e.instance().orElseThrow(), e.body(), decodedBody.toString(), decodedBody.path("detail").asText(),
        trace.toString(StandardCharsets.UTF_8), e.headers().get("X-Echo"))) {
      assertThat(seen).doesNotContain(key).doesNotContain(spelled);
    }
    assertThat(e.detail()).contains("key was [redacted]");
  }

  static Stream<Arguments> aJsonEscapedEchoOfTheKeyIsRedactedEverywhereUsersLook() {
    List<String> spellings = List.of("sk\\/live\\\"q-9f8e7d6c", "\\u0073k/live\\\"q-9f8e7d6c",
        "sk\\u002Flive\\u0022q-9f8e7d6c",
        "\\u0073\\u006B\\u002f\\u006c\\u0069\\u0076\\u0065\\u0022\\u0071\\u002d9f8e7d6c");
    return spellings.stream().flatMap(spelled -> Stream.of(CallMode.values()).map(mode -> Arguments.of(spelled, mode)));
  }

  @Test
  void aKeyWithCrOrLfOrOtherControlsIsRefusedWithoutEchoingIt() {
    for (String bad : List.of(API_KEY + "\r\nX-Evil: 1", API_KEY + "\n", "\r" + API_KEY, API_KEY + "\u0000",
        API_KEY + "\u00e9")) {
      Throwable e = catchThrowable(() -> UnipileChatClient.builder().baseUrl("https://h").apiKey(bad));
      assertThat(e).isInstanceOf(IllegalArgumentException.class);
      assertThat(e.getMessage()).contains("apiKey").doesNotContain(API_KEY);
      assertThat(e.toString()).doesNotContain(API_KEY);
    }
    assertThat(ApiKey.of(API_KEY).toString()).doesNotContain(API_KEY);
    assertThat(ApiKey.of(API_KEY).scrub("a " + API_KEY + " b")).isEqualTo("a [redacted] b");
    try (UnipileChatClient client = server.builder().build()) {
      assertThat(client.toString()).doesNotContain(API_KEY);
    }
  }

  @Test
  void logsNameMethodUrlStatusAndAttemptButNeverTheKey() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<Runnable> restore = new ArrayList<>();
    try {
      restore.add(traceLevel(LoggerFactory.getLogger("io.github.unipilechat.http")));
      restore.add(traceLevel(LoggerFactory.getLogger(UnipileChatClient.class)));
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

      server.server().enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
          .addHeader("X-Echo", API_KEY)
          .body(errorJson(429, "errors/too_many_requests", "slow down " + API_KEY, API_KEY)).build());
      server.server().enqueue(new MockResponse.Builder().code(422)
          .body(errorJson(422, "errors/no_connection_with_recipient", "Not connected", "key was " + API_KEY)).build());
      Throwable e = catchThrowable(() -> server.client().startChat(request()));
      server.server().enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket())
          .build());
      Throwable dropped = catchThrowable(() -> server.client().startChat(request()));

      assertThat(server.requests()).isEqualTo(3);
      for (Throwable t : List.of(e, dropped)) {
        assertThat(t.getMessage()).doesNotContain(API_KEY);
        assertThat(t.toString()).doesNotContain(API_KEY);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        t.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain(API_KEY);
      }
    } finally {
      System.setErr(original);
      restore.forEach(Runnable::run);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("--> POST " + server.server().url("/api/v1/chats"), "(attempt 1/3)", "(attempt 2/3)",
        "<-- 429 POST", "<-- 422 POST", "ms", "X-API-KEY=[redacted]", "retrying in 1000 ms", "not retried");
    assertThat(logs).doesNotContain(API_KEY);
  }

  /** slf4j-simple fixes a logger's level when first created; set it directly so test order does not matter. */
  private static Runnable traceLevel(Logger logger) throws Exception {
    Field level = logger.getClass().getDeclaredField("currentLogLevel");
    level.setAccessible(true);
    int before = level.getInt(logger);
    level.setInt(logger, 0);
    return () -> {
      try {
        level.setInt(logger, before);
      } catch (IllegalAccessException ex) {
        throw new IllegalStateException(ex);
      }
    };
  }

  @Test
  void hostileFileNamesAndTextsCannotInjectOrSplitParts() throws Exception {
    String boundaryLike = "\r\n--" + "x".repeat(8) + "\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\nstolen";
    List<String> names = List.of("a\".pdf", "b\"\\\"; name=\"account_id\"; x=\"x.pdf",
        "c\"; name=\"attendees_ids\".pdf", "d\u00e9j\u00e0 vu \u2603.pdf", "e--boundary--.pdf", "trail\\");
    for (String refused : List.of("b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\nx.pdf",
        "e\n--boundary--.pdf", "nul\u0000.pdf")) {
      assertThatThrownBy(() -> Attachment.of(refused, new byte[1])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("control character");
    }
    StartChatRequest.Builder builder = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB123")
        .text("Hi \"there\"\r\n" + boundaryLike + "\r\nunicode \u00e9\u2603");
    for (String name : names) {
      builder.attachment(Attachment.of(name, ("content of " + name).getBytes(StandardCharsets.UTF_8)));
    }
    server.enqueueCreated();

    server.client().startChat(builder.build());

    assertThat(server.requests()).isEqualTo(1);
    RecordedRequest recorded = server.take();
    String boundary = MediaType.get(recorded.getHeaders().get("Content-Type")).parameter("boundary");
    List<String> partNames = new ArrayList<>();
    List<String> fileBodies = new ArrayList<>();
    String text = null;
    try (MultipartReader reader = new MultipartReader(new Buffer().write(recorded.getBody()), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        assertThat(part.headers().names()).isSubsetOf(java.util.Set.of("Content-Disposition", "Content-Type",
            "Content-Length", "Content-Transfer-Encoding"));
        String name = disposition.replaceFirst("^form-data; name=\"([^\"]*)\".*$", "$1");
        partNames.add(name);
        String body = part.body().readUtf8();
        if (name.equals("text")) {
          text = body;
        } else if (name.startsWith("attachments")) {
          fileBodies.add(body);
        }
      }
    }
    assertThat(partNames.stream().filter(n -> n.equals("account_id"))).hasSize(1);
    assertThat(partNames.stream().filter(n -> n.equals("attendees_ids"))).hasSize(1);
    assertThat(partNames.stream().filter(n -> n.startsWith("attachments"))).hasSize(names.size());
    assertThat(partNames).hasSize(3 + names.size());
    assertThat(fileBodies).containsExactlyElementsOf(names.stream().map(n -> "content of " + n).toList());
    assertThat(text).isEqualTo("Hi \"there\"\r\n" + boundaryLike + "\r\nunicode \u00e9\u2603");
  }
}
