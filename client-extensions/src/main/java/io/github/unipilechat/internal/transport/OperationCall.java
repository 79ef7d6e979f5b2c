package io.github.unipilechat.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.internal.spec.Bound;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * One call's attempts, for any operation: each attempt is a fresh OkHttp call of the same request
 * ({@link HttpRequests}), given its timeout and number, and its answer or failure goes to the
 * {@link OutcomeClassifier}. The path from a request to the wire: {@code OperationRequest} → {@link HttpRequests#of}
 * → {@link Transport#newCall} → OkHttp.
 *
 * @param <T> what a success becomes
 */
public final class OperationCall<T> implements RetryEngine.Attempts<T>, OutcomeClassifier.Exchanged {
  private final Transport transport;
  private final HttpUrl baseUrl;
  private final OutcomeClassifier classifier;
  private final OperationRequest request;
  private final RetryPolicy policy;
  private final Optional<ResponseCheck> check;
  private final Optional<Duration> callTimeout;
  private final Function<OperationResponse, T> result;

  /**
   * @param transport the client's transport
   * @param baseUrl the configured API root
   * @param classifier what answers mean
   * @param request the request, sent by every attempt
   * @param policy the call's retry policy
   * @param check the call's response check, when it overrides the client's
   * @param callTimeout this call's own limit per attempt (zero: none), when it overrides the client's
   * @param result what a success becomes
   */
  public OperationCall(Transport transport, HttpUrl baseUrl, OutcomeClassifier classifier, OperationRequest request,
      RetryPolicy policy, Optional<ResponseCheck> check, Optional<Duration> callTimeout,
      Function<OperationResponse, T> result) {
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.classifier = classifier;
    this.request = Objects.requireNonNull(request, "request");
    this.policy = policy;
    this.check = check;
    this.callTimeout = callTimeout;
    this.result = result;
  }

  @Override
  public Operation operation() {
    return Bound.of(request).operation();
  }

  @Override
  public String label() {
    return operation().label();
  }

  @Override
  public JsonNode document() {
    return Bound.of(request).spec().document();
  }

  @Override
  public RetryEngine.Exchange<T> prepare(int attempt, int maxAttempts, Deadline deadline) {
    Call call = transport.newCall(HttpRequests.of(baseUrl, request));
    SendTracker.of(call.request()).attempt(attempt, maxAttempts);
    attemptTimeout(deadline).ifPresent(timeout -> call.timeout().timeout(saturatedNanos(timeout), TimeUnit.NANOSECONDS));
    return new Exchange(call, attempt);
  }

  /** One OkHttp call, classified. */
  private final class Exchange implements RetryEngine.Exchange<T> {
    private final Call call;
    private final int attempt;

    Exchange(Call call, int attempt) {
      this.call = call;
      this.attempt = attempt;
    }

    @Override
    public Outcome<T> execute() {
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        return classifier.failure(OperationCall.this, call, e, attempt);
      }
      return classifier.answer(OperationCall.this, response, attempt, policy, check, result);
    }

    @Override
    public void enqueue(BiConsumer<Outcome<T>, Throwable> done) {
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          Outcome<T> outcome;
          try {
            outcome = classifier.answer(OperationCall.this, response, attempt, policy, check, result);
          } catch (RuntimeException e) {
            done.accept(null, classifier.unexpected(OperationCall.this, e));
            return;
          }
          done.accept(outcome, null);
        }

        @Override
        public void onFailure(Call c, IOException e) {
          done.accept(classifier.failure(OperationCall.this, c, e, attempt), null);
        }
      });
    }

    @Override
    public void cancel() {
      call.cancel();
    }
  }

  /** This attempt's whole-call limit: the per-call override or the client's, cut to what the deadline leaves. */
  private Optional<Duration> attemptTimeout(Deadline deadline) {
    Optional<Duration> own = callTimeout.or(() -> Optional.of(transport.callTimeout()))
        .filter(timeout -> !timeout.isZero()); // zero: no limit
    Optional<Duration> left = deadline.remaining();
    if (left.isEmpty()) {
      return callTimeout; // the client's own limit is already on its OkHttpClient
    }
    return Optional.of(own.filter(timeout -> timeout.compareTo(left.get()) < 0).orElse(left.get()));
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
