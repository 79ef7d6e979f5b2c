package io.github.unipilechat;

import com.fasterxml.jackson.core.JacksonException;
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
import io.github.unipilechat.retry.RetryAfter;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.retry.Sleeper;
import io.github.unipilechat.validation.ProviderSpec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
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

  private final HttpUrl baseUrl;
  private final Transport transport;
  private final RetryPolicy retryPolicy;

  private UnipileChatClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.retryPolicy = builder.retryPolicy;
    this.transport = Transport.create(builder.baseUrl, builder.apiKey, builder.okHttpClient, builder.timeouts);
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
   */
  public ChatStarted startChat(StartChatRequest request) {
    return startChat(request, CallOptions.DEFAULTS);
  }

  /** {@link #startChat(StartChatRequest)} with per-call retries and timeout. */
  public ChatStarted startChat(StartChatRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    RetryPolicy policy = options.retryPolicy(retryPolicy);
    for (int attempt = 1; ; attempt++) {
      Call<ChatsControllerStartNewChat201Response> call = newCall(request, options, attempt, policy);
      Attempt outcome;
      try {
        outcome = fromResponse(call.execute(), attempt);
      } catch (IOException e) {
        outcome = fromFailure(call, e, attempt);
      }
      if (outcome.result() != null) {
        return outcome.result();
      }
      Optional<Duration> delay = retryDelay(outcome, request, policy, attempt);
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
    CompletableFuture<ChatStarted> future = new CompletableFuture<>();
    AtomicReference<Call<?>> inFlight = new AtomicReference<>();
    future.whenComplete((result, failure) -> {
      Call<?> call = inFlight.get();
      if (future.isCancelled() && call != null) {
        call.cancel();
      }
    });
    attemptAsync(request, options, policy, 1, future, inFlight);
    return future;
  }

  private void attemptAsync(StartChatRequest request, CallOptions options, RetryPolicy policy, int attempt,
      CompletableFuture<ChatStarted> future, AtomicReference<Call<?>> inFlight) {
    if (future.isDone()) {
      return;
    }
    Call<ChatsControllerStartNewChat201Response> call;
    try {
      call = newCall(request, options, attempt, policy);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    inFlight.set(call);
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ChatsControllerStartNewChat201Response> c,
          Response<ChatsControllerStartNewChat201Response> response) {
        Attempt outcome;
        try {
          outcome = fromResponse(response, attempt);
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
        Optional<Duration> delay = retryDelay(outcome, request, policy, attempt);
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
          } else {
            attemptAsync(request, options, policy, attempt + 1, future, inFlight);
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
      int attempt, RetryPolicy policy) {
    Call<ChatsControllerStartNewChat201Response> call = call(request);
    SendTracker tracker = SendTracker.of(call.request());
    if (tracker != null) {
      tracker.attempt(attempt, request.replayable() ? policy.maxAttempts() : 1);
    }
    options.callTimeout().ifPresent(timeout -> call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }

  private Attempt fromResponse(Response<ChatsControllerStartNewChat201Response> response, int attempt) {
    if (response.isSuccessful()) {
      ChatsControllerStartNewChat201Response body = response.body();
      LOG.debug("start-chat attempt {}: HTTP {} chat_id={}", attempt, response.code(),
          body == null ? null : body.getChatId());
      return Attempt.success(new ChatStarted(body == null ? null : body.getChatId(),
          body == null ? null : body.getMessageId(), response.code(), response.headers()));
    }
    int status = response.code();
    Optional<Duration> retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), Instant.now());
    ApiError error = ApiError.read(status, response.headers(), bodyText(response.errorBody()), retryAfter,
        transport::scrub);
    UnipileApiException exception = UnipileApiException.of(error, attempt);
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

  private Optional<Duration> retryDelay(Attempt outcome, StartChatRequest request, RetryPolicy policy, int attempt) {
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

  private static String bodyText(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** Releases the connections and threads the client owns; a shared {@link OkHttpClient} is left running. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "UnipileChatClient{" + baseUrl + "}";
  }

  public static final class Builder {
    private HttpUrl baseUrl;
    private ApiKey apiKey;
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.DEFAULTS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private boolean allowInsecureHttp;
    private String rawBaseUrl;

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
