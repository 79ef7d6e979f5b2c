package io.github.unipilechat.internal.transport;

import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call's attempts until one succeeds, one fails for good, the retries are used up or the deadline is near:
 * the one retry loop, for blocking and async calls alike. It decides only when to wait and whether to go on; what
 * an attempt sends and what its answer means belong to {@link Attempts} (see {@link OutcomeClassifier}).
 *
 * <p>Waits go through the injected {@link Sleeper} and deadlines read the injected {@link Clock}, so tests need not
 * wait. Async calls never block a thread while waiting, and cancelling the returned future cancels the attempt in
 * flight and every attempt still to come.
 *
 * @param <T> the call's result
 */
public final class RetryEngine<T> {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.unipilechat.UnipileChatClient");

  /** What the engine repeats: one fresh exchange per attempt. */
  public interface Attempts<T> {
    /**
     * Prepares attempt {@code attempt} (1-based) within {@code deadline}; nothing is sent yet.
     *
     * @param attempt the attempt's number, 1-based
     * @param maxAttempts how many attempts this call may make at most
     * @param deadline the whole call's deadline
     * @return the exchange to send
     */
    Exchange<T> prepare(int attempt, int maxAttempts, Deadline deadline);

    /** How the debug log calls what is attempted ({@code start-new-chat}). */
    default String label() {
      return "call";
    }
  }

  /** One attempt, sent once: blocking or enqueued, its answer or failure already classified. */
  public interface Exchange<T> {
    /**
     * Sends and waits for the classified outcome.
     *
     * @return the outcome
     */
    Outcome<T> execute();

    /**
     * Sends on another thread, which then hands {@code done} the classified outcome, or what the call raised as it
     * is. The engine goes on from {@code done}, so the next attempt is prepared on the exchange's thread, never on the
     * caller's: a future handed back instead could complete before the engine subscribed, and the engine would then
     * go on (prepare, even send, the retry) inside the caller's {@code callAsync}.
     *
     * @param done receives the outcome, or the failure, exactly once
     */
    void enqueue(BiConsumer<Outcome<T>, Throwable> done);

    /** Cancels the attempt: it is not sent, or its answer is abandoned. */
    void cancel();
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final boolean replayable;

  /**
   * @param policy how often and how long to wait
   * @param sleeper how to wait
   * @param clock where the deadline reads the time
   * @param replayable false when the request cannot be sent twice (a stream attachment)
   */
  public RetryEngine(RetryPolicy policy, Sleeper sleeper, Clock clock, boolean replayable) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.replayable = replayable;
  }

  /**
   * The engine for {@code policy}: its own sleeper and clock.
   *
   * @param policy how often and how long to wait
   * @param replayable false when the request cannot be sent twice
   * @param <T> the call's result
   * @return the engine
   */
  public static <T> RetryEngine<T> of(RetryPolicy policy, boolean replayable) {
    return new RetryEngine<>(policy, policy.sleeper(), policy.clock(), replayable);
  }

  private int maxAttempts() {
    return replayable ? policy.maxAttempts() : 1;
  }

  /**
   * Runs the attempts on the calling thread.
   *
   * @param attempts what each attempt sends
   * @param budget the whole call's limit, every attempt and wait included, when set
   * @return the first successful attempt's result
   * @throws UnipileException the last attempt's failure
   */
  public T execute(Attempts<T> attempts, Optional<Duration> budget) {
    Deadline deadline = Deadline.start(budget, clock);
    for (int attempt = 1; ; attempt++) {
      Outcome<T> outcome = attempts.prepare(attempt, maxAttempts(), deadline).execute();
      if (outcome.succeeded()) {
        return outcome.result();
      }
      Optional<Duration> delay = retryDelay(attempts.label(), outcome, attempt, deadline);
      if (delay.isEmpty()) {
        throw outcome.error();
      }
      try {
        sleeper.sleep(delay.get());
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
   * Runs the attempts on the exchanges' threads; waits between them hold no thread.
   *
   * @param attempts what each attempt sends
   * @param budget the whole call's limit, every attempt and wait included, when set
   * @return completes with the first successful attempt's result or the last attempt's failure; cancelling it
   *     cancels the attempt in flight and any still to come
   */
  public CompletableFuture<T> executeAsync(Attempts<T> attempts, Optional<Duration> budget) {
    Deadline deadline = Deadline.start(budget, clock);
    CompletableFuture<T> future = new CompletableFuture<>();
    AtomicReference<Exchange<T>> inFlight = new AtomicReference<>();
    future.whenComplete((result, failure) -> {
      Exchange<T> exchange = inFlight.get();
      if (future.isCancelled() && exchange != null) {
        exchange.cancel();
      }
    });
    attemptAsync(attempts, deadline, 1, future, inFlight);
    return future;
  }

  private void attemptAsync(Attempts<T> attempts, Deadline deadline, int attempt, CompletableFuture<T> future,
      AtomicReference<Exchange<T>> inFlight) {
    if (future.isDone()) {
      return;
    }
    Exchange<T> exchange;
    try {
      exchange = attempts.prepare(attempt, maxAttempts(), deadline);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    inFlight.set(exchange);
    // A cancel since the check above cancelled the previous exchange: this one must not go out. Publishing the
    // exchange before reading the state means the canceller (which completes the future, then reads inFlight) or
    // this thread sees the other, so the exchange is cancelled either way.
    if (future.isDone()) {
      exchange.cancel();
      return;
    }
    exchange.enqueue((outcome, failure) -> {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else if (outcome.succeeded()) {
        future.complete(outcome.result());
      } else {
        retryAsync(attempts, deadline, attempt, outcome, future, inFlight);
      }
    });
  }

  private void retryAsync(Attempts<T> attempts, Deadline deadline, int attempt, Outcome<T> outcome,
      CompletableFuture<T> future, AtomicReference<Exchange<T>> inFlight) {
    Optional<Duration> delay = retryDelay(attempts.label(), outcome, attempt, deadline);
    if (delay.isEmpty() || future.isDone()) {
      future.completeExceptionally(outcome.error());
      return;
    }
    CompletableFuture<Void> wait;
    try {
      wait = sleeper.delay(delay.get());
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
        attemptAsync(attempts, deadline, attempt + 1, future, inFlight);
      }
    });
  }

  /** The wait before the next attempt, or empty when the failure is final. */
  private Optional<Duration> retryDelay(String label, Outcome<T> outcome, int attempt, Deadline deadline) {
    String error = outcome.error().getMessage();
    if (!outcome.retryable()) {
      LOG.debug("{} attempt {}: {}; not retried", label, attempt, error);
      return Optional.empty();
    }
    if (attempt >= policy.maxAttempts()) {
      LOG.debug("{} attempt {}: {}; retries used up ({})", label, attempt, error, policy.maxRetries());
      return Optional.empty();
    }
    if (!replayable) {
      LOG.debug("{} attempt {}: {}; not retried: an attachment is a stream that cannot be sent twice",
          label, attempt, error);
      return Optional.empty();
    }
    Duration delay = policy.delayBefore(attempt, outcome.retryAfter());
    if (!deadline.allowsWait(delay)) {
      LOG.debug("{} attempt {}: {}; not retried: waiting {} ms would end past the call's deadline ({} ms left)",
          label, attempt, error, delay.toMillis(), deadline.remaining().map(Duration::toMillis).orElse(0L));
      return Optional.empty();
    }
    LOG.debug("{} attempt {}: {}; retrying in {} ms{}", label, attempt, error, delay.toMillis(),
        outcome.retryAfter().isPresent() ? " (Retry-After)" : "");
    return Optional.of(delay);
  }
}
