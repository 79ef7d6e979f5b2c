package io.github.unipilechat.retry;

import static io.github.unipilechat.wire.ChatServer.errorJson;
import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.wire.ChatServer;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.GatewayTimeoutException;
import io.github.unipilechat.errors.InternalServerErrorException;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.ServiceUnavailableException;
import io.github.unipilechat.errors.TooManyRequestsException;
import io.github.unipilechat.errors.UnprocessableEntityException;
import io.github.unipilechat.files.Attachment;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are sent again, how often and after how long; every case counts what reached the server. */
class RetryTest {
  @RegisterExtension
  final ChatServer server = new ChatServer();

  private static final String TOO_MANY = errorJson(429, "errors/too_many_requests", "Too many requests", "Later");
  private static final String UNAVAILABLE = errorJson(503, "errors/no_client_session", "No client session", "x");

  private void enqueue429(String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .body(TOO_MANY);
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    server.server().enqueue(b.build());
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsThenSuccess() {
    enqueue429("3");
    server.enqueueCreated();

    ChatStarted started = server.client().startChat(request());

    assertThat(started.chatId()).contains("chat_1");
    assertThat(server.requests()).isEqualTo(2);
    assertThat(server.sleeper().delays()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsAnHttpDate() {
    String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
    enqueue429(in20s);
    server.enqueueCreated();

    server.client().startChat(request());

    assertThat(server.requests()).isEqualTo(2);
    assertThat(server.sleeper().delays()).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20)));
  }

  @Test
  void retryAfterIsCapped() {
    enqueue429("86400");
    server.enqueueCreated();

    server.client().startChat(request());

    assertThat(server.requests()).isEqualTo(2);
    assertThat(server.sleeper().delays()).containsExactly(RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
  }

  @Test
  void serviceUnavailableWithoutRetryAfterBacksOffThenSucceeds() {
    server.enqueue(503, UNAVAILABLE);
    server.enqueueCreated();

    ChatStarted started = server.client().startChat(request());

    assertThat(started.messageId()).contains("msg_1");
    assertThat(server.requests()).isEqualTo(2);
    assertThat(server.sleeper().delays()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void tooManyRequestsForeverGivesUpAfterTwoRetries() {
    for (int i = 0; i < 5; i++) {
      enqueue429(null);
    }

    TooManyRequestsException e = catchThrowableOfType(TooManyRequestsException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(3);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("HTTP 429 errors/too_many_requests", "after 3 attempts");
    assertThat(server.sleeper().delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 504})
  void internalErrorAndGatewayTimeoutAreNeverRetried(int status) {
    String type = status == 500 ? "errors/unexpected_error" : "errors/request_timeout";
    server.enqueue(status, errorJson(status, type, "t", "d"));
    server.enqueueCreated();

    RuntimeException e = catchThrowableOfType(RuntimeException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e).isInstanceOfAny(InternalServerErrorException.class, GatewayTimeoutException.class);
    assertThat(((io.github.unipilechat.errors.UnipileException) e).mayHaveBeenSent()).isTrue();
    assertThat(e.getMessage()).contains("may have been sent", "list the chat's messages");
    assertThat(server.sleeper().delays()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 415, 422, 501})
  void clientErrorsAndNotImplementedAreNeverRetried(int status) {
    server.enqueue(status, errorJson(status, "errors/whatever", "t", "d"));
    server.enqueueCreated();

    catchThrowableOfType(io.github.unipilechat.errors.UnipileApiException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(server.sleeper().delays()).isEmpty();
  }

  @Test
  void aConnectionDroppedAfterTheRequestWasReadIsOutcomeUnknownAndNotRetried() {
    server.server().enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueueCreated();

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.mayHaveBeenSent()).isTrue();
    assertThat(e.getMessage()).contains("after the request was sent", "may have been sent");
    assertThat(server.sleeper().delays()).isEmpty();
  }

  @Test
  void aSlowServerAndTheCallTimeoutIsOutcomeUnknownWithOneRequest() {
    server.server().enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED)
        .headersDelay(3, TimeUnit.SECONDS).build());
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().callTimeout(Duration.ofMillis(300)).build()) {
      long start = System.nanoTime();
      OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
          () -> client.startChat(request()));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(server.requests()).isEqualTo(1);
      assertThat(e.getMessage()).contains("may have been sent");
      assertThat(server.sleeper().delays()).isEmpty();
    }
  }

  @Test
  void aReadTimeoutIsOutcomeUnknownWithOneRequest() {
    server.server().enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED)
        .headersDelay(3, TimeUnit.SECONDS).build());
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().readTimeout(Duration.ofMillis(300)).build()) {
      catchThrowableOfType(OutcomeUnknownException.class, () -> client.startChat(request()));

      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void perCallTimeoutOverridesTheClients() {
    server.server().enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED)
        .headersDelay(3, TimeUnit.SECONDS).build());

    catchThrowableOfType(OutcomeUnknownException.class, () -> server.client().startChat(request(),
        CallOptions.builder().callTimeout(Duration.ofMillis(300)).build()));

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void connectionRefusedBeforeSendingIsRetriedThenRaisedAsNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RecordingSleeper sleeper = new RecordingSleeper();
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/")
        .apiKey(ChatServer.API_KEY).retryPolicy(sleeper.policy()).build()) {
      RequestNotSentException e = catchThrowableOfType(RequestNotSentException.class, () -> client.startChat(request()));

      assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.mayHaveBeenSent()).isFalse();
      assertThat(e.getMessage()).contains("nothing was sent", "127.0.0.1:" + closedPort);
    }
    assertThat(server.requests()).isZero();
  }

  @Test
  void connectionRefusedThenTheServerComesUpSendsExactlyOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MockWebServer late = new MockWebServer();
    late.enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED).build());
    late.enqueue(new MockResponse.Builder().code(201).body(ChatServer.CREATED).build());
    int finalPort = port;
    List<Duration> waits = new java.util.ArrayList<>();
    Sleeper startServerWhileWaiting = duration -> {
      waits.add(duration);
      try {
        late.start(java.net.InetAddress.getByName("127.0.0.1"), finalPort);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    };
    try (late; UnipileChatClient client = UnipileChatClient.builder().baseUrl("http://127.0.0.1:" + port + "/")
        .apiKey(ChatServer.API_KEY).retryPolicy(RetryPolicy.builder().sleeper(startServerWhileWaiting).build())
        .build()) {
      ChatStarted started = client.startChat(request());

      assertThat(started.chatId()).contains("chat_1");
      assertThat(waits).hasSize(1);
      assertThat(late.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anInputStreamAttachmentIsNotRetried() {
    server.enqueue(503, UNAVAILABLE);
    server.enqueueCreated();
    StartChatRequest request = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB123").text("Hi")
        .attachment(Attachment.of("cv.pdf", new ByteArrayInputStream(new byte[] {1, 2, 3}))).build();
    assertThat(request.replayable()).isFalse();

    catchThrowableOfType(ServiceUnavailableException.class, () -> server.client().startChat(request));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(server.sleeper().delays()).isEmpty();
  }

  @Test
  void perCallZeroRetriesDisables() {
    enqueue429("1");
    server.enqueueCreated();

    catchThrowableOfType(TooManyRequestsException.class,
        () -> server.client().startChat(request(), CallOptions.builder().maxRetries(0).build()));

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void perCallPolicyReplacesTheClients() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(503, UNAVAILABLE);
    }
    RecordingSleeper own = new RecordingSleeper();
    RetryPolicy policy = RetryPolicy.builder().maxRetries(4).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(300)).sleeper(own).random(() -> 1.0).build();

    catchThrowableOfType(ServiceUnavailableException.class,
        () -> server.client().startChat(request(), CallOptions.builder().retryPolicy(policy).build()));

    assertThat(server.requests()).isEqualTo(5);
    assertThat(own.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
        Duration.ofMillis(300));
    assertThat(server.sleeper().delays()).isEmpty();
  }

  @Test
  void builderMaxRetriesZeroDisables() {
    server.enqueue(503, UNAVAILABLE);
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().maxRetries(0).build()) {
      catchThrowableOfType(ServiceUnavailableException.class, () -> client.startChat(request()));
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void asyncRetriesWithoutBlockingAndCountsRequests() {
    enqueue429("2");
    server.enqueue(503, UNAVAILABLE);
    server.enqueueCreated();

    ChatStarted started = server.client().startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join();

    assertThat(started.chatId()).contains("chat_1");
    assertThat(server.requests()).isEqualTo(3);
    assertThat(server.sleeper().delays()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1000));
  }

  @Test
  void asyncGivesUpAfterTheLimit() {
    for (int i = 0; i < 5; i++) {
      enqueue429(null);
    }

    CompletionException e = catchThrowableOfType(CompletionException.class,
        () -> server.client().startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(e.getCause()).isInstanceOf(TooManyRequestsException.class);
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void asyncNeverRetriesOutcomeUnknown() {
    server.server().enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(500, errorJson(500, "errors/unexpected_error", "t", "d"));
    server.enqueueCreated();

    CompletionException first = catchThrowableOfType(CompletionException.class,
        () -> server.client().startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join());
    CompletionException second = catchThrowableOfType(CompletionException.class,
        () -> server.client().startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(first.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(second.getCause()).isInstanceOf(InternalServerErrorException.class);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void asyncWithTheRealSleeperWaitsOffTheDispatcher() {
    server.server().enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body(TOO_MANY).build());
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().retryPolicy(RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build()).build()) {
      assertThat(client.startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join().chatId()).contains("chat_1");
    }
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void unprocessableIsNotRetriedAsync() {
    server.enqueue(422, errorJson(422, "errors/no_connection_with_recipient", "t", "d"));
    server.enqueueCreated();

    CompletionException e = catchThrowableOfType(CompletionException.class,
        () -> server.client().startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(e.getCause()).isInstanceOf(UnprocessableEntityException.class);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void backoffDoublesToTheCapWithJitterBetweenHalfAndAll() {
    RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).build();
    RetryPolicy high = RetryPolicy.builder().random(() -> 1.0).build();
    List<Long> nominal = List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
    for (int retry = 1; retry <= nominal.size(); retry++) {
      long n = nominal.get(retry - 1);
      assertThat(high.delayBefore(retry, Optional.empty())).isEqualTo(Duration.ofMillis(n));
      assertThat(low.delayBefore(retry, Optional.empty())).isEqualTo(Duration.ofMillis(n / 2));
    }
    assertThat(high.delayBefore(40, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
    RetryPolicy random = RetryPolicy.defaults();
    for (int i = 0; i < 200; i++) {
      assertThat(random.delayBefore(2, Optional.empty())).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }
  }

  @Test
  void retryAfterParsing() {
    Instant now = Instant.parse("2015-10-21T07:27:30Z");
    assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse("-5", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", now)).isPresent();
    RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build();
    assertThat(policy.delayBefore(1, RetryAfter.parse("99999999999999999999999", now))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void policyBoundsAreChecked() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RetryPolicy.builder().maxRetries(-1)))
        .hasMessageContaining("maxRetries");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build()))
        .hasMessageContaining("maxBackoff");
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(2);
  }
}
