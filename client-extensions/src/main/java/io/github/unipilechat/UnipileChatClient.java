package io.github.unipilechat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.drift.DriftListener;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.internal.CreatedBody;
import io.github.unipilechat.drift.internal.DriftWatch;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.OutcomeUnknown;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.Text;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.generated.api.MessagingApi;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.http.ApiKey;
import io.github.unipilechat.http.BaseUrl;
import io.github.unipilechat.http.SendTracker;
import io.github.unipilechat.http.Timeouts;
import io.github.unipilechat.http.Transport;
import io.github.unipilechat.form.FormSchema;
import io.github.unipilechat.form.GeneratedCall;
import io.github.unipilechat.form.ObjectParts;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.multipart.PartGroup;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.retry.CallOptions;
import io.github.unipilechat.retry.Deadline;
import io.github.unipilechat.retry.RetryAfter;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.retry.Sleeper;
import io.github.unipilechat.validation.ProviderSpec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

/**
 * Starts chats through Unipile's {@code POST /api/v1/chats}. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * try (UnipileChatClient client = UnipileChatClient.builder().dsn("api8.unipile.com:13851").apiKey(key).build()) {
 *   ChatStarted started = client.startChat(StartChatRequest.builder()
 *       .accountId("acc_1").attendee("ACoAAB...").text("Hello").build());
 * }
 * }</pre>
 */
public final class UnipileChatClient implements AutoCloseable {
  static final String LINKEDIN = "linkedin";

  private static final Logger LOG = LoggerFactory.getLogger(UnipileChatClient.class);
  private static final GeneratedCall START_CHAT = GeneratedCall.find(MessagingApi.class,
      ProviderSpec.START_CHAT_PATH, ChatsControllerStartNewChat201Response.class);

  /** The success statuses the spec documents for this operation: any other 2xx is not a started chat. */
  private static final Set<Integer> DOCUMENTED_SUCCESS = documentedSuccess();

  private final HttpUrl baseUrl;
  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final DriftWatch drift;

  private UnipileChatClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.retryPolicy = builder.retryPolicy;
    this.transport = Transport.create(builder.baseUrl, builder.apiKey, builder.okHttpClient, builder.timeouts);
    this.drift = new DriftWatch(builder.responseSpec, builder.checkResponse, builder.driftListener, transport::scrub);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the request and waits for the answer, retrying per the client's {@link RetryPolicy}.
   *
   * @throws InvalidRequestException never here: {@link StartChatRequest.Builder#build()} already refuses
   * @throws UnipileApiException the provider answered with an error (a subclass per status)
   * @throws RequestNotSentException the network failed before anything was sent (after the retries)
   * @throws OutcomeUnknownException sent, but no answer came: the message may have gone out
   * @throws io.github.unipilechat.drift.ResponseDriftException with {@code checkResponse(FAIL)}: a 201 that differs
   *     from the spec; the chat was started ({@code chatStarted()})
   */
  public ChatStarted startChat(StartChatRequest request) {
    return startChat(request, CallOptions.DEFAULTS);
  }

  /** {@link #startChat(StartChatRequest)} with per-call retries and timeout. */
  public ChatStarted startChat(StartChatRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    RetryPolicy policy = options.retryPolicy(retryPolicy);
    Deadline deadline = Deadline.start(options.deadline(), policy.clock());
    for (int attempt = 1; ; attempt++) {
      Call<ChatsControllerStartNewChat201Response> call = newCall(request, options, attempt, policy, deadline);
      Attempt outcome;
      try {
        outcome = fromResponse(call.execute(), attempt, policy, options);
      } catch (IOException e) {
        outcome = fromFailure(call, e, attempt);
      }
      if (outcome.result() != null) {
        return outcome.result();
      }
      Optional<Duration> delay = retryDelay(outcome, request, policy, attempt, deadline);
      if (delay.isEmpty()) {
        throw outcome.error();
      }
      try {
        policy.sleeper().sleep(delay.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome.error().addSuppressed(e);
        throw outcome.error();
      }
      if (!deadline.allowsAnAttempt()) {
        throw outcome.error();
      }
    }
  }

  /**
   * Sends the request on OkHttp's dispatcher; the future completes with the answer or the same exceptions as
   * {@link #startChat(StartChatRequest)}. Retries wait on {@link Sleeper#delay}, never on OkHttp's threads.
   * Cancelling the future cancels the attempt in flight and any retry still to come.
   */
  public CompletableFuture<ChatStarted> startChatAsync(StartChatRequest request) {
    return startChatAsync(request, CallOptions.DEFAULTS);
  }

  /** {@link #startChatAsync(StartChatRequest)} with per-call retries and timeout. */
  public CompletableFuture<ChatStarted> startChatAsync(StartChatRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    RetryPolicy policy = options.retryPolicy(retryPolicy);
    Deadline deadline = Deadline.start(options.deadline(), policy.clock());
    CompletableFuture<ChatStarted> future = new CompletableFuture<>();
    AtomicReference<Call<?>> inFlight = new AtomicReference<>();
    future.whenComplete((result, failure) -> {
      Call<?> call = inFlight.get();
      if (future.isCancelled() && call != null) {
        call.cancel();
      }
    });
    attemptAsync(request, options, policy, deadline, 1, future, inFlight);
    return future;
  }

  private void attemptAsync(StartChatRequest request, CallOptions options, RetryPolicy policy, Deadline deadline,
      int attempt, CompletableFuture<ChatStarted> future, AtomicReference<Call<?>> inFlight) {
    if (future.isDone()) {
      return;
    }
    Call<ChatsControllerStartNewChat201Response> call;
    try {
      call = newCall(request, options, attempt, policy, deadline);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    inFlight.set(call);
    // A cancel since the check above cancelled the previous call: this one must not go out. Publishing the call
    // before reading the state means the canceller (which completes the future, then reads inFlight) or this
    // thread sees the other, so the call is cancelled either way.
    if (future.isDone()) {
      call.cancel();
      return;
    }
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ChatsControllerStartNewChat201Response> c,
          Response<ChatsControllerStartNewChat201Response> response) {
        Attempt outcome;
        try {
          outcome = fromResponse(response, attempt, policy, options);
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
          return;
        }
        next(outcome);
      }

      @Override
      public void onFailure(Call<ChatsControllerStartNewChat201Response> c, Throwable t) {
        if (t instanceof IOException e) {
          next(fromFailure(c, e, attempt));
        } else {
          future.completeExceptionally(t instanceof UnipileException ? t
              : new UnipileException("Unipile start-chat failed: " + describe(t), t));
        }
      }

      private void next(Attempt outcome) {
        if (outcome.result() != null) {
          future.complete(outcome.result());
          return;
        }
        Optional<Duration> delay = retryDelay(outcome, request, policy, attempt, deadline);
        if (delay.isEmpty() || future.isDone()) {
          future.completeExceptionally(outcome.error());
          return;
        }
        CompletableFuture<Void> wait;
        try {
          wait = policy.sleeper().delay(delay.get());
        } catch (RuntimeException e) {
          outcome.error().addSuppressed(e);
          future.completeExceptionally(outcome.error());
          return;
        }
        wait.whenComplete((ignored, failure) -> {
          if (failure != null) {
            outcome.error().addSuppressed(failure);
            future.completeExceptionally(outcome.error());
          } else if (!deadline.allowsAnAttempt()) {
            future.completeExceptionally(outcome.error());
          } else {
            attemptAsync(request, options, policy, deadline, attempt + 1, future, inFlight);
          }
        });
      }
    });
  }

  /** One attempt's result: the chat, or the exception and whether the attempt may be repeated. */
  private record Attempt(ChatStarted result, UnipileException error, boolean retryable,
      Optional<Duration> retryAfter) {
    static Attempt success(ChatStarted result) {
      return new Attempt(result, null, false, Optional.empty());
    }

    static Attempt failure(UnipileException error, boolean retryable, Optional<Duration> retryAfter) {
      return new Attempt(null, error, retryable, retryAfter);
    }
  }

  private Call<ChatsControllerStartNewChat201Response> newCall(StartChatRequest request, CallOptions options,
      int attempt, RetryPolicy policy, Deadline deadline) {
    Call<ChatsControllerStartNewChat201Response> call = call(request);
    SendTracker tracker = SendTracker.of(call.request());
    if (tracker != null) {
      tracker.attempt(attempt, request.replayable() ? policy.maxAttempts() : 1);
    }
    attemptTimeout(options, deadline)
        .ifPresent(timeout -> call.timeout().timeout(saturatedNanos(timeout), TimeUnit.NANOSECONDS));
    return call;
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** This attempt's whole-call limit: the per-call override or the client's, cut to what the deadline leaves. */
  private Optional<Duration> attemptTimeout(CallOptions options, Deadline deadline) {
    Optional<Duration> own = options.callTimeout()
        .or(() -> Optional.of(Duration.ofMillis(transport.http().callTimeoutMillis())))
        .filter(timeout -> !timeout.isZero()); // zero: no limit
    Optional<Duration> left = deadline.remaining();
    if (left.isEmpty()) {
      return options.callTimeout();
    }
    return Optional.of(own.filter(timeout -> timeout.compareTo(left.get()) < 0).orElse(left.get()));
  }

  private Attempt fromResponse(Response<ChatsControllerStartNewChat201Response> response, int attempt,
      RetryPolicy policy, CallOptions options) {
    if (response.isSuccessful()) {
      ChatsControllerStartNewChat201Response body = response.body();
      LOG.debug("start-chat attempt {}: HTTP {} chat_id={}", attempt, response.code(),
          body == null ? null : body.getChatId());
      if (!DOCUMENTED_SUCCESS.contains(response.code()) || body == null || body.getObject() == null) {
        // Not a ChatStarted: the message may or may not have gone out. The check still reports how it differs.
        OutcomeUnknownException unknown = new OutcomeUnknownException("Unipile start-chat: " + baseUrl.host() + ":"
            + baseUrl.port() + " answered HTTP " + response.code() + (body == null ? " without a body" : "")
            + ", not the documented success (HTTP " + join(DOCUMENTED_SUCCESS) + " with a "
            + join(Arrays.asList(ChatsControllerStartNewChat201Response.ObjectEnum.values())) + " body); "
            + OutcomeUnknown.HOW_TO_CHECK, null, attempt);
        JsonNode json = CreatedBody.jsonOf(body);
        drift.error(options.checkResponse(), response.code(), response.headers(), json == null ? null : json.toString(),
            unknown);
        return Attempt.failure(unknown, false, Optional.empty());
      }
      ChatStarted started = new ChatStarted(body.getChatId(), body.getMessageId(), response.code(),
          response.headers());
      return drift.success(options.checkResponse(), response.code(), response.headers(), CreatedBody.jsonOf(body),
          started).map(e -> Attempt.failure(e, false, Optional.empty())).orElseGet(() -> Attempt.success(started));
    }
    int status = response.code();
    Optional<Duration> retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), policy.clock().instant());
    BoundedBody text = bodyText(response.errorBody());
    ApiError error = ApiError.read(status, response.headers(), text.text(), text.cut(), retryAfter,
        transport::scrub);
    UnipileApiException exception = UnipileApiException.of(error, attempt);
    drift.error(options.checkResponse(), status, response.headers(), error.body(), exception);
    return Attempt.failure(exception, status == 429 || status == 503, retryAfter);
  }

  private Attempt fromFailure(Call<?> call, IOException e, int attempt) {
    SendTracker tracker;
    try {
      tracker = SendTracker.of(call.request());
    } catch (RuntimeException notCreated) {
      tracker = null;
    }
    boolean mayHaveBeenSent = tracker != null && tracker.mayHaveBeenSent();
    String host = baseUrl.host() + ":" + baseUrl.port();
    if (e instanceof JacksonException) {
      return Attempt.failure(new OutcomeUnknownException("Unipile start-chat: " + host
          + " answered with a success status but a body that could not be read (" + describe(e) + "); "
          + OutcomeUnknown.HOW_TO_CHECK, e, attempt), false, Optional.empty());
    }
    if (!mayHaveBeenSent) {
      boolean cancelled = call.isCanceled();
      String why = cancelled ? "cancelled or out of time" : "could not connect";
      return Attempt.failure(new RequestNotSentException("Unipile start-chat failed before sending: " + why + " to "
          + host + " (" + describe(e) + "); nothing was sent" + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
          e, attempt), !cancelled, Optional.empty());
    }
    return Attempt.failure(new OutcomeUnknownException("Unipile start-chat: no answer from " + host
        + " after the request was sent (" + describe(e) + "); " + OutcomeUnknown.HOW_TO_CHECK, e, attempt),
        false, Optional.empty());
  }

  private Optional<Duration> retryDelay(Attempt outcome, StartChatRequest request, RetryPolicy policy, int attempt,
      Deadline deadline) {
    if (!outcome.retryable()) {
      LOG.debug("start-chat attempt {}: {}; not retried", attempt, outcome.error().getMessage());
      return Optional.empty();
    }
    if (attempt >= policy.maxAttempts()) {
      LOG.debug("start-chat attempt {}: {}; retries used up ({})", attempt, outcome.error().getMessage(),
          policy.maxRetries());
      return Optional.empty();
    }
    if (!request.replayable()) {
      LOG.debug("start-chat attempt {}: {}; not retried: an attachment is a stream that cannot be sent twice",
          attempt, outcome.error().getMessage());
      return Optional.empty();
    }
    Duration delay = policy.delayBefore(attempt, outcome.retryAfter());
    if (!deadline.allowsWait(delay)) {
      LOG.debug("start-chat attempt {}: {}; not retried: waiting {} ms would end past the call's deadline ({} ms left)",
          attempt, outcome.error().getMessage(), delay.toMillis(),
          deadline.remaining().map(Duration::toMillis).orElse(0L));
      return Optional.empty();
    }
    LOG.debug("start-chat attempt {}: {}; retrying in {} ms{}", attempt, outcome.error().getMessage(),
        delay.toMillis(), outcome.retryAfter().isPresent() ? " (Retry-After)" : "");
    return Optional.of(delay);
  }

  private String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + Text.oneLine(transport.scrub(e.getMessage()), 200);
    return e.getClass().getSimpleName() + message;
  }

  /**
   * The generated method, called with every slot null but one part slot that carries every part in the spec's
   * order ({@link PartGroup}): the generated interface still decides method, path and response model, and its
   * arity and argument order no longer matter. A field the provider adds or reorders cannot land in a wrong slot.
   */
  @SuppressWarnings("unchecked")
  private Call<ChatsControllerStartNewChat201Response> call(StartChatRequest request) {
    Objects.requireNonNull(request, "request");
    Object[] arguments = new Object[START_CHAT.method().getParameterCount()];
    arguments[START_CHAT.partSlot()] = START_CHAT.wrap(groupedParts(request));
    try {
      return (Call<ChatsControllerStartNewChat201Response>) START_CHAT.method().invoke(transport.api(), arguments);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Every part of the request, in the canonical order, as one value for the generated method's part slot. */
  static MultipartBody.Part groupedParts(StartChatRequest request) {
    return PartGroup.of(request.parts());
  }

  /** The LinkedIn options as the provider reads them: one bracket-named part per leaf and file, in the spec's order. */
  public static List<FormPart> linkedInParts(LinkedInOptions options) {
    FormSchema form = FormSchema.provider();
    return ObjectParts.encode(form, LINKEDIN, form.require(LINKEDIN).schema(), options.fields(), options.files());
  }

  /** An error body's first {@link ApiError#BODY_LIMIT} bytes, and whether there was more. */
  private record BoundedBody(String text, boolean cut) {}

  /** Reads at most {@link ApiError#BODY_LIMIT} bytes (and one more, to tell a cut); the rest is never read. */
  private static BoundedBody bodyText(ResponseBody body) {
    if (body == null) {
      return new BoundedBody("", false);
    }
    try (body) {
      BufferedSource source = body.source();
      boolean cut;
      try {
        cut = source.request(ApiError.BODY_LIMIT + 1L);
      } catch (IOException e) {
        cut = false; // a body that broke off: keep what arrived
      }
      Buffer buffer = source.getBuffer();
      long keep = Math.min(buffer.size(), ApiError.BODY_LIMIT);
      MediaType type = body.contentType();
      Charset charset = type == null ? null : type.charset();
      return new BoundedBody(buffer.readString(keep, charset == null ? StandardCharsets.UTF_8 : charset), cut);
    } catch (IOException e) {
      return new BoundedBody("", false); // cannot happen: the bytes are already buffered
    }
  }

  private static String join(java.util.Collection<?> values) {
    return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" or "));
  }

  private static Set<Integer> documentedSuccess() {
    Set<Integer> statuses = new TreeSet<>();
    ProviderSpec.document().at("/paths/~1api~1v1~1chats/post/responses").fieldNames().forEachRemaining(code -> {
      if (code.length() == 3 && code.startsWith("2") && code.chars().allMatch(Character::isDigit)) {
        statuses.add(Integer.valueOf(code));
      }
    });
    return Collections.unmodifiableSet(statuses);
  }

  /** Releases the connections and threads the client owns; a shared {@link OkHttpClient} is left running. */
  @Override
  public void close() {
    transport.close();
  }

  /** Names the target without user info (a password in the base URL stays out). */
  @Override
  public String toString() {
    return "UnipileChatClient{" + BaseUrl.display(baseUrl) + "}";
  }

  public static final class Builder {
    private HttpUrl baseUrl;
    private ApiKey apiKey;
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.DEFAULTS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private boolean allowInsecureHttp;
    private String rawBaseUrl;
    private ResponseCheck checkResponse = ResponseCheck.WARN;
    private DriftListener driftListener;
    private ResponseSpec responseSpec = ResponseSpec.bundled();

    private Builder() {}

    /** The API's root, e.g. {@code https://api8.unipile.com:13851}. */
    public Builder baseUrl(String baseUrl) {
      this.rawBaseUrl = baseUrl;
      return this;
    }

    /** Unipile's DSN, e.g. {@code api8.unipile.com:13851}: the same as {@code https://} + DSN. */
    public Builder dsn(String dsn) {
      this.baseUrl = BaseUrl.fromDsn(dsn);
      this.rawBaseUrl = null;
      return this;
    }

    /** Sent as {@code X-API-KEY}, to the configured origin only. */
    public Builder apiKey(String apiKey) {
      this.apiKey = ApiKey.of(apiKey);
      return this;
    }

    /** Shares an application's OkHttp client (its pool and threads); {@link #close()} then leaves it alone. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** The whole call, from sending to the last byte of the answer (each attempt has its own). Default 5 min. */
    public Builder callTimeout(Duration callTimeout) {
      this.timeouts = timeouts.withCall(callTimeout);
      return this;
    }

    /** Opening the connection (TCP and TLS). Default 10 s. A connect timeout sent nothing and is retried. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.timeouts = timeouts.withConnect(connectTimeout);
      return this;
    }

    /** The longest silence while reading the answer. Default 60 s. Raises outcome-unknown; never retried. */
    public Builder readTimeout(Duration readTimeout) {
      this.timeouts = timeouts.withRead(readTimeout);
      return this;
    }

    /** The longest stall while writing the request (uploads). Default 60 s. */
    public Builder writeTimeout(Duration writeTimeout) {
      this.timeouts = timeouts.withWrite(writeTimeout);
      return this;
    }

    /** When and how to retry; default {@link RetryPolicy#defaults()} (2 retries). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Retries after the first attempt (0 disables), keeping the rest of the retry policy. */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.withMaxRetries(maxRetries);
      return this;
    }

    /** Allows {@code http://} to a non-loopback host, which sends the API key in clear. Off by default. */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * How answers that differ from the bundled spec are treated: {@link ResponseCheck#WARN} (default) logs each
     * distinct difference once per client, {@link ResponseCheck#FAIL} also fails the call, {@link ResponseCheck#OFF}
     * skips the check. {@link CallOptions.Builder#checkResponse} overrides it per call.
     */
    public Builder checkResponse(ResponseCheck level) {
      this.checkResponse = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Told of every difference found (each occurrence, not once), e.g. to count them in metrics. */
    public Builder driftListener(DriftListener listener) {
      this.driftListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Tests only: checks answers against another document (a mutated copy of the spec). */
    Builder responseSpec(ResponseSpec spec) {
      this.responseSpec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    public UnipileChatClient build() {
      if (rawBaseUrl != null) {
        baseUrl = BaseUrl.parse(rawBaseUrl, allowInsecureHttp);
      }
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl: required (a base URL or a DSN such as api8.unipile.com:13851)");
      }
      if (apiKey == null) {
        throw new IllegalArgumentException("apiKey: required (header X-API-KEY)");
      }
      return new UnipileChatClient(this);
    }
  }
}
