package io.github.unipilechat.retry;

import static io.github.unipilechat.wire.ChatServer.errorJson;
import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.errors.BadRequestException;
import io.github.unipilechat.errors.GatewayTimeoutException;
import io.github.unipilechat.errors.InternalServerErrorException;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.ServiceUnavailableException;
import io.github.unipilechat.errors.TooManyRequestsException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.transport.RetryAfter;
import io.github.unipilechat.wire.CallMode;
import io.github.unipilechat.wire.CapturedForm.CapturedPart;
import io.github.unipilechat.wire.CapturedForm;
import io.github.unipilechat.wire.ChatServer;
import io.github.unipilechat.wire.StalledErrorServer;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
  void retryAfterAsAnHttpDateIsReadOnThePolicysClock() {
    Instant now = server.sleeper().clock().instant();
    enqueue429(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(20).atZone(ZoneOffset.UTC)));
    server.enqueueCreated();

    server.client().startChat(request());

    assertThat(server.requests()).isEqualTo(2);
    assertThat(server.sleeper().delays()).containsExactly(Duration.ofSeconds(20));
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
  void asyncWithTheRealSleeperWaitsOffTheDispatcher() {
    server.server().enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body(TOO_MANY).build());
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().retryPolicy(RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build()).build()) {
      assertThat(client.startChatAsync(request()).orTimeout(10, TimeUnit.SECONDS).join().chatId()).contains("chat_1");
    }
    assertThat(server.requests()).isEqualTo(2);
  }

  /** One fault, checked the same way whether the call blocks or not. */
  interface Fault {
    void check(ChatServer server, CallMode mode) throws Exception;
  }

  private static MockResponse.Builder answer(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
  }

  private static final MockResponse DROPPED_AFTER_SENDING =
      new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();

  /**
   * The fault matrix: every case runs blocking and async. Each counts what reached the server: a message that may
   * have gone out is never sent again, and nothing is sent after the caller gave up.
   */
  static Stream<Arguments> faultMatrix() {
    Map<String, Fault> faults = new LinkedHashMap<>();
    faults.put("connection dropped after sending: outcome unknown, sent once", (s, mode) -> {
      s.server().enqueue(DROPPED_AFTER_SENDING);
      s.enqueueCreated();
      Throwable e = mode.failure(s.client(), request());
      assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("after the request was sent");
      assertThat(((OutcomeUnknownException) e).mayHaveBeenSent()).isTrue();
      assertThat(s.requests()).isEqualTo(1);
    });
    for (int status : new int[] {500, 504}) {
      faults.put("HTTP " + status + ": outcome unknown, sent once", (s, mode) -> {
        s.enqueue(status, errorJson(status, status == 500 ? "errors/unexpected_error" : "errors/request_timeout", "t", "d"));
        s.enqueueCreated();
        Throwable e = mode.failure(s.client(), request());
        assertThat(e).isInstanceOfAny(InternalServerErrorException.class, GatewayTimeoutException.class)
            .hasMessageContaining("may have been sent", "list the chat's messages");
        assertThat(((UnipileException) e).mayHaveBeenSent()).isTrue();
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.sleeper().delays()).isEmpty();
      });
    }
    for (int status : new int[] {400, 401, 403, 404, 415, 422, 501}) {
      faults.put("HTTP " + status + ": not retried", (s, mode) -> {
        s.enqueue(status, errorJson(status, "errors/whatever", "t", "d"));
        s.enqueueCreated();
        assertThat(mode.failure(s.client(), request())).isInstanceOf(UnipileApiException.class);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.sleeper().delays()).isEmpty();
      });
    }
    faults.put("a per-call timeout on a slow server: outcome unknown, sent once", (s, mode) -> {
      s.server().enqueue(answer(201, ChatServer.CREATED).headersDelay(3, TimeUnit.SECONDS).build());
      s.enqueueCreated();
      Throwable e = mode.failure(s.client(), request(), CallOptions.builder().callTimeout(Duration.ofMillis(300)).build());
      assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("may have been sent");
      assertThat(s.requests()).isEqualTo(1);
    });
    faults.put("429 forever with a huge Retry-After: each wait capped, three attempts", (s, mode) -> {
      for (int i = 0; i < 4; i++) {
        s.server().enqueue(answer(429, TOO_MANY).addHeader("Retry-After", "999999").build());
      }
      Throwable e = mode.failure(s.client(), request());
      assertThat(e).isInstanceOf(TooManyRequestsException.class).hasMessageContaining("after 3 attempts");
      assertThat(((TooManyRequestsException) e).attempts()).isEqualTo(3);
      assertThat(s.requests()).isEqualTo(3);
      assertThat(s.sleeper().delays()).containsExactly(RetryPolicy.DEFAULT_MAX_RETRY_AFTER,
          RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
    });
    faults.put("429 with a huge Retry-After and a 5 s deadline: no wait past it, sent once", (s, mode) -> {
      s.server().enqueue(answer(429, TOO_MANY).addHeader("Retry-After", "999999").build());
      s.enqueueCreated();
      Throwable e = mode.failure(s.client(), request(), CallOptions.builder().deadline(Duration.ofSeconds(5)).build());
      assertThat(e).isInstanceOf(TooManyRequestsException.class);
      assertThat(s.requests()).isEqualTo(1);
      assertThat(s.sleeper().delays()).isEmpty();
    });
    faults.put("503 with Retry-After 3 and a 5 s deadline: one wait, each attempt cut to the time left", (s, mode) -> {
      List<Long> attemptTimeouts = new CopyOnWriteArrayList<>();
      OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
        attemptTimeouts.add(TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
        return chain.proceed(chain.request());
      }).build();
      for (int i = 0; i < 3; i++) {
        s.server().enqueue(answer(503, UNAVAILABLE).addHeader("Retry-After", "3").build());
      }
      try (UnipileChatClient client = s.builder().okHttpClient(recording).build()) {
        Throwable e = mode.failure(client, request(), CallOptions.builder().deadline(Duration.ofSeconds(5)).build());
        assertThat(e).isInstanceOf(ServiceUnavailableException.class);
      } finally {
        recording.dispatcher().executorService().shutdown();
      }
      assertThat(s.requests()).isEqualTo(2);
      assertThat(s.sleeper().delays()).containsExactly(Duration.ofSeconds(3));
      assertThat(attemptTimeouts).containsExactly(5000L, 2000L);
    });
    faults.put("cancelled during a retry wait: nothing more is sent", (s, mode) -> {
      CompletableFuture<Future<?>> call = new CompletableFuture<>();
      Sleeper cancelling = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
          throw new InterruptedException("interrupted while waiting to retry");
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
          call.join().cancel(true);
          return new CompletableFuture<>(); // the wait never ends by itself
        }
      };
      s.server().enqueue(answer(429, TOO_MANY).addHeader("Retry-After", "1").build());
      s.enqueueCreated();
      try (UnipileChatClient client = s.builder().retryPolicy(RetryPolicy.builder().sleeper(cancelling).build())
          .build()) {
        CompletableFuture<ChatStarted> future = mode.submit(client, request(), CallOptions.DEFAULTS);
        call.complete(future);
        Throwable e = catchThrowable(() -> CallMode.await(future));
        if (mode == CallMode.BLOCKING) {
          assertThat(Thread.interrupted()).isTrue(); // the flag is restored for the caller
          assertThat(e).isInstanceOf(TooManyRequestsException.class);
          assertThat(e.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        } else {
          assertThat(e).isInstanceOf(CancellationException.class);
        }
      }
      assertThat(s.requests()).isEqualTo(1);
    });
    faults.put("hostile file names: NUL refused, backslash and quote encoded", (s, mode) -> {
      assertThatThrownBy(() -> Attachment.of("a\u0000.pdf", new byte[1])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("control character");
      s.enqueueCreated();
      mode.start(s.client(), StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB123").text("Hi")
          .attachment(Attachment.of("trail\\", new byte[] {1})).attachment(Attachment.of("a\\\"b.txt", new byte[] {2}))
          .build());
      CapturedForm form = s.captured();
      assertThat(form.names()).containsExactlyInAnyOrder("account_id", "attendees_ids", "text", "attachments", "attachments");
      assertThat(form.all("attachments")).extracting(CapturedPart::fileName).containsExactly("trail%5C", "a%5C%22b.txt");
      assertThat(s.requests()).isEqualTo(1);
    });
    faults.put("a content type carrying CR LF: refused, nothing sent", (s, mode) -> {
      assertThatThrownBy(() -> Attachment.of("a.txt", new byte[1])
          .withContentType("text/plain; x=\"\r\nX-Injected: yes\r\n\"")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("content type");
      assertThatThrownBy(() -> Attachment.of("a.txt", new byte[1]).withContentType("text/plain; x=\"\u0085\""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(s.requests()).isZero();
    });
    for (String body : new String[] {"{}", "", "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}", null}) {
      for (int status : body == null ? new int[] {204} : new int[] {200, 202}) {
        faults.put("HTTP " + status + " " + (body == null ? "" : body.isEmpty() ? "(empty)" : body)
            + ": not a started chat, outcome unknown", (s, mode) -> {
              s.server().enqueue(body == null ? new MockResponse.Builder().code(204).build() : answer(status, body).build());
              s.enqueueCreated();
              Throwable e = mode.failure(s.client(), request());
              assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("may have been sent");
              assertThat(s.requests()).isEqualTo(1);
            });
      }
    }
    faults.put("HTTP 201 {} (no ChatStarted): outcome unknown", (s, mode) -> {
      s.enqueue(201, "{}");
      s.enqueueCreated();
      assertThat(mode.failure(s.client(), request())).isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("HTTP 201", "ChatStarted");
      assertThat(s.requests()).isEqualTo(1);
    });
    faults.put("an endless error body: the first MiB is read, the rest never", (s, mode) -> {
      try (StalledErrorServer endless = StalledErrorServer.start(ApiError.BODY_LIMIT + (64 << 10));
          UnipileChatClient client = UnipileChatClient.builder().baseUrl(endless.url()).apiKey(ChatServer.API_KEY)
              .retryPolicy(s.sleeper().policy()).build()) {
        Throwable e = mode.failure(client, request()); // reading it whole would wait for the stalled rest
        assertThat(e).isInstanceOf(BadRequestException.class).hasMessageContaining("cut");
        BadRequestException bad = (BadRequestException) e;
        assertThat(bad.bodyTruncated()).isTrue();
        assertThat(bad.body()).hasSize(ApiError.BODY_LIMIT).startsWith("xxx");
      }
    });
    return faults.entrySet().stream().flatMap(fault -> Stream.of(CallMode.values())
        .map(mode -> Arguments.of(Named.of(fault.getKey(), fault.getValue()), mode)));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource
  void faultMatrix(Fault fault, CallMode mode) throws Exception {
    fault.check(server, mode);
  }

  /**
   * A cancel between the async loop's "is the caller still waiting?" check and the retry's enqueue used to cancel
   * only the previous call; the retry then went out. The hook cancels at exactly that point: when the retry's
   * OkHttp call is created.
   */
  @Test
  void aCancelJustBeforeTheRetryIsEnqueuedStopsTheRetry() throws Exception {
    CompletableFuture<Future<?>> caller = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch idle = new CountDownLatch(1);
    Dispatcher dispatcher = new Dispatcher();
    OkHttpClient cancelling = new OkHttpClient.Builder().dispatcher(dispatcher).eventListenerFactory(call -> {
      if (calls.incrementAndGet() == 2) {
        caller.join().cancel(true); // the caller gives up as the retry is being prepared
      }
      return EventListener.NONE;
    }).build();
    enqueue429("1");
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().okHttpClient(cancelling).build()) {
      CompletableFuture<ChatStarted> future = client.startChatAsync(request());
      caller.complete(future);
      assertThat(catchThrowable(() -> CallMode.await(future))).isInstanceOf(CancellationException.class);
      dispatcher.setIdleCallback(idle::countDown);
      if (dispatcher.runningCallsCount() + dispatcher.queuedCallsCount() == 0) {
        idle.countDown();
      }
      assertThat(idle.await(10, TimeUnit.SECONDS)).isTrue(); // every call handed to OkHttp has ended
    } finally {
      cancelling.dispatcher().executorService().shutdown();
    }
    assertThat(calls.get()).isEqualTo(2);
    assertThat(server.requests()).isEqualTo(1);
  }

  /**
   * The first attempt's answer may come back before {@code startChatAsync} returns (a loaded machine does this by
   * chance). The retry is then prepared on OkHttp's thread all the same, never inside the caller's
   * {@code startChatAsync}: here the dispatcher runs each call on its own thread and returns only once it has ended.
   * (The engine used to go on from a future the first answer had already completed, on the caller's thread; with the
   * cancelling listener above, that hung CI.)
   */
  @Test
  void theRetryIsPreparedOffTheCallersThreadWhenTheFirstAnswerComesBackFirst() throws Exception {
    List<Thread> preparedOn = new CopyOnWriteArrayList<>();
    ExecutorService runsToTheEnd = new RunsEachTaskToTheEnd();
    OkHttpClient okHttp = new OkHttpClient.Builder().dispatcher(new Dispatcher(runsToTheEnd))
        .eventListenerFactory(call -> {
          preparedOn.add(Thread.currentThread());
          return EventListener.NONE;
        }).build();
    enqueue429("1");
    server.enqueueCreated();
    try (UnipileChatClient client = server.builder().okHttpClient(okHttp).build()) {
      ChatStarted started = CallMode.await(client.startChatAsync(request()));

      assertThat(started.chatId()).contains("chat_1");
    }
    assertThat(preparedOn).hasSize(2);
    assertThat(preparedOn.get(0)).isSameAs(Thread.currentThread());
    assertThat(preparedOn.get(1)).isNotSameAs(Thread.currentThread());
    assertThat(server.requests()).isEqualTo(2);
  }

  /** Runs each task on a thread of its own and returns from {@code execute} only when the task has ended. */
  private static final class RunsEachTaskToTheEnd extends AbstractExecutorService {
    @Override
    public void execute(Runnable task) {
      Thread thread = new Thread(task, "runs-to-the-end");
      thread.start();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
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
