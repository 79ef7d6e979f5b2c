package io.github.unipilechat;

import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.drift.DriftListener;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.internal.DriftWatch;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.http.Timeouts;
import io.github.unipilechat.internal.transport.ApiKey;
import io.github.unipilechat.internal.transport.BaseUrl;
import io.github.unipilechat.internal.transport.OperationCall;
import io.github.unipilechat.internal.transport.OutcomeClassifier;
import io.github.unipilechat.internal.transport.RetryEngine;
import io.github.unipilechat.internal.transport.Transport;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.retry.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Starts chats through Unipile's {@code POST /api/v1/chats}. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * try (UnipileChatClient client = UnipileChatClient.builder().dsn("api8.unipile.com:13851").apiKey(key).build()) {
 *   ChatStarted started = client.startChat(StartChatRequest.builder()
 *       .accountId("acc_1").attendee("ACoAAB...").text("Hello").build());
 * }
 * }</pre>
 *
 * <p>Any operation of the provider's document is sent with {@link #call(OperationRequest)} (and the typed calls
 * generated from the spec, which use it); {@link #startChat} is one use of it.
 *
 * <p>How a call runs: {@link OperationCall} turns the request into one OkHttp call per attempt, one
 * {@link RetryEngine} repeats it (blocking or async) as the {@link RetryPolicy} allows, and
 * {@link OutcomeClassifier} says what each answer means.
 */
public final class UnipileChatClient implements AutoCloseable {
  private final HttpUrl baseUrl;
  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final OutcomeClassifier classifier;

  private UnipileChatClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.retryPolicy = builder.retryPolicy;
    this.transport = Transport.create(builder.baseUrl, builder.apiKey, builder.okHttpClient, builder.timeouts);
    DriftWatch drift = new DriftWatch(builder.responseSpec, builder.checkResponse, builder.driftListener,
        transport::scrub);
    this.classifier = new OutcomeClassifier(baseUrl, drift, transport::scrub);
  }

  /**
   * A builder; a base URL (or DSN) and an API key are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the request and waits for the answer, retrying per the client's {@link RetryPolicy}.
   *
   * @param request the chat to start
   * @return the started chat
   * @throws InvalidRequestException never here: {@link StartChatRequest.Builder#build()} already refuses
   * @throws UnipileApiException the provider answered with an error (a subclass per status)
   * @throws RequestNotSentException the network failed before anything was sent (after the retries)
   * @throws OutcomeUnknownException sent, but no answer came: the message may have gone out
   * @throws io.github.unipilechat.drift.ResponseDriftException with {@code checkResponse(FAIL)}: a 201 that differs
   *     from the spec; the chat was started ({@code result(ChatStarted.class)})
   */
  public ChatStarted startChat(StartChatRequest request) {
    return startChat(request, CallOptions.DEFAULTS);
  }

  /**
   * {@link #startChat(StartChatRequest)} with per-call retries and timeout.
   *
   * @param request the chat to start
   * @param options this call's retries, timeout, deadline and response check
   * @return the started chat
   */
  public ChatStarted startChat(StartChatRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    return call(request.operationRequest(), options, ChatStarted::of);
  }

  /**
   * Sends the request on OkHttp's dispatcher; the future completes with the answer or the same exceptions as
   * {@link #startChat(StartChatRequest)}. Retries wait on {@link Sleeper#delay}, never on OkHttp's threads.
   * Cancelling the future cancels the attempt in flight and any retry still to come.
   *
   * @param request the chat to start
   * @return completes with the started chat
   */
  public CompletableFuture<ChatStarted> startChatAsync(StartChatRequest request) {
    return startChatAsync(request, CallOptions.DEFAULTS);
  }

  /**
   * {@link #startChatAsync(StartChatRequest)} with per-call retries and timeout.
   *
   * @param request the chat to start
   * @param options this call's retries, timeout, deadline and response check
   * @return completes with the started chat
   */
  public CompletableFuture<ChatStarted> startChatAsync(StartChatRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    return callAsync(request.operationRequest(), options, ChatStarted::of);
  }

  /**
   * Sends a request for any operation of the provider's document and waits for its documented success, retrying
   * per the client's {@link RetryPolicy}: only where the request certainly was not sent, and for an idempotent
   * method (GET, HEAD, PUT, DELETE) also after the usual transient failures.
   *
   * @param request the operation and its parameters and body
   * @return the documented success answer
   * @throws UnipileApiException the provider answered with an error (a subclass per status)
   * @throws RequestNotSentException the network failed before anything was sent (after the retries)
   * @throws OutcomeUnknownException sent, but no documented answer came: the operation may have been carried out
   */
  public OperationResponse call(OperationRequest request) {
    return call(request, CallOptions.DEFAULTS);
  }

  /**
   * {@link #call(OperationRequest)} with per-call retries, timeout, deadline and response check.
   *
   * @param request the operation and its parameters and body
   * @param options this call's options
   * @return the documented success answer
   */
  public OperationResponse call(OperationRequest request, CallOptions options) {
    return call(request, options, Function.identity());
  }

  /**
   * {@link #call(OperationRequest, CallOptions)} with the answer made into {@code result} (e.g. the model generated
   * for it): a response-drift failure then carries the made result.
   *
   * @param request the operation and its parameters and body
   * @param options this call's options
   * @param result what the documented success becomes
   * @return the result
   */
  public <T> T call(OperationRequest request, CallOptions options, Function<OperationResponse, T> result) {
    RetryPolicy policy = policy(request, options);
    return RetryEngine.<T>of(policy, request.replayable())
        .execute(attempts(request, options, policy, result), options.deadline());
  }

  /**
   * {@link #call(OperationRequest)} on OkHttp's dispatcher; cancelling the future cancels the attempt in flight
   * and any retry still to come.
   *
   * @param request the operation and its parameters and body
   * @return completes with the documented success answer
   */
  public CompletableFuture<OperationResponse> callAsync(OperationRequest request) {
    return callAsync(request, CallOptions.DEFAULTS, Function.identity());
  }

  /**
   * {@link #call(OperationRequest, CallOptions, Function)} on OkHttp's dispatcher.
   *
   * @param request the operation and its parameters and body
   * @param options this call's options
   * @param result what the documented success becomes
   * @return completes with the result
   */
  public <T> CompletableFuture<T> callAsync(OperationRequest request, CallOptions options,
      Function<OperationResponse, T> result) {
    RetryPolicy policy = policy(request, options);
    return RetryEngine.<T>of(policy, request.replayable())
        .executeAsync(attempts(request, options, policy, result), options.deadline());
  }

  private RetryPolicy policy(OperationRequest request, CallOptions options) {
    Objects.requireNonNull(request, "request");
    return Objects.requireNonNull(options, "options").retryPolicy(retryPolicy);
  }

  private <T> OperationCall<T> attempts(OperationRequest request, CallOptions options, RetryPolicy policy,
      Function<OperationResponse, T> result) {
    return new OperationCall<>(transport, baseUrl, classifier, request, policy, options.checkResponse(),
        options.callTimeout(), Objects.requireNonNull(result, "result"));
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

  /** Configures a {@link UnipileChatClient}: a base URL (or DSN) and an API key are required. */
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
    private ResponseSpec responseSpec;

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

    /** Every timeout at once; the single-timeout setters below change one. */
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

    /** The client; refuses a missing base URL or key, and {@code http://} to a remote host unless allowed. */
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
