package io.github.unipilechat.internal;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.internal.form.GeneratedCall;
import io.github.unipilechat.generated.api.MessagingApi;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.internal.validation.ProviderSpec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One start-chat call's attempts: maps the request onto the generated Retrofit method, gives each attempt its
 * timeout and number, and hands answers and failures to the {@link OutcomeClassifier}.
 */
public final class StartChatCall implements RetryEngine.Attempts<ChatStarted> {
  private static final GeneratedCall START_CHAT = GeneratedCall.find(MessagingApi.class,
      ProviderSpec.START_CHAT_PATH, ChatsControllerStartNewChat201Response.class);

  private final Transport transport;
  private final OutcomeClassifier classifier;
  private final StartChatRequest request;
  private final RetryPolicy policy;
  private final Optional<ResponseCheck> check;
  private final Optional<Duration> callTimeout;

  /**
   * @param transport the client's transport: its generated API and its own call timeout
   * @param classifier what answers mean
   * @param request the request, sent by every attempt
   * @param policy the call's retry policy
   * @param check the call's response check, when it overrides the client's
   * @param callTimeout this call's own limit per attempt (zero: none), when it overrides the client's
   */
  public StartChatCall(Transport transport, OutcomeClassifier classifier, StartChatRequest request,
      RetryPolicy policy, Optional<ResponseCheck> check, Optional<Duration> callTimeout) {
    this.transport = transport;
    this.classifier = classifier;
    this.request = Objects.requireNonNull(request, "request");
    this.policy = policy;
    this.check = check;
    this.callTimeout = callTimeout;
  }

  @Override
  public RetryEngine.Exchange<ChatStarted> prepare(int attempt, int maxAttempts, Deadline deadline) {
    Call<ChatsControllerStartNewChat201Response> call = call();
    SendTracker tracker = SendTracker.of(call.request());
    if (tracker != null) {
      tracker.attempt(attempt, maxAttempts);
    }
    attemptTimeout(deadline).ifPresent(timeout -> call.timeout().timeout(saturatedNanos(timeout), TimeUnit.NANOSECONDS));
    return new Exchange(call, attempt);
  }

  /** One Retrofit call, classified. */
  private final class Exchange implements RetryEngine.Exchange<ChatStarted> {
    private final Call<ChatsControllerStartNewChat201Response> call;
    private final int attempt;

    Exchange(Call<ChatsControllerStartNewChat201Response> call, int attempt) {
      this.call = call;
      this.attempt = attempt;
    }

    @Override
    public Outcome<ChatStarted> execute() {
      Response<ChatsControllerStartNewChat201Response> response;
      try {
        response = call.execute();
      } catch (IOException e) {
        return classifier.failure(call, e, attempt);
      }
      return classifier.answer(response, attempt, policy, check);
    }

    @Override
    public CompletableFuture<Outcome<ChatStarted>> enqueue() {
      CompletableFuture<Outcome<ChatStarted>> done = new CompletableFuture<>();
      call.enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<ChatsControllerStartNewChat201Response> c,
            Response<ChatsControllerStartNewChat201Response> response) {
          try {
            done.complete(classifier.answer(response, attempt, policy, check));
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        }

        @Override
        public void onFailure(Call<ChatsControllerStartNewChat201Response> c, Throwable t) {
          if (t instanceof IOException e) {
            done.complete(classifier.failure(c, e, attempt));
          } else {
            done.completeExceptionally(t instanceof UnipileException ? t
                : new UnipileException("Unipile start-chat failed: " + classifier.describe(t), t));
          }
        }
      });
      return done;
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

  /**
   * The generated method, called with every slot null but one part slot that carries every part in the spec's
   * order ({@link PartGroup}): the generated interface still decides method, path and response model, and its
   * arity and argument order no longer matter. A field the provider adds or reorders cannot land in a wrong slot.
   */
  @SuppressWarnings("unchecked")
  private Call<ChatsControllerStartNewChat201Response> call() {
    Object[] arguments = new Object[START_CHAT.method().getParameterCount()];
    arguments[START_CHAT.partSlot()] = START_CHAT.wrap(PartGroup.of(request.parts()));
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
}
