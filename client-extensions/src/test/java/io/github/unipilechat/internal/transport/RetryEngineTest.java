package io.github.unipilechat.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.internal.transport.Deadline;
import io.github.unipilechat.retry.RecordingSleeper;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.retry.Sleeper;
import io.github.unipilechat.retry.TestClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine alone, on scripted outcomes: its sleeper and clock are its own, blocking and async run the same loop. */
class RetryEngineTest {
  enum Mode {
    BLOCKING, ASYNC;

    String run(RetryEngine<String> engine, Script script, Optional<Duration> budget) {
      if (this == BLOCKING) {
        return engine.execute(script, budget);
      }
      try {
        return engine.executeAsync(script, budget).get();
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Hands out the scripted outcomes in order and records what each attempt was told. */
  static final class Script implements RetryEngine.Attempts<String> {
    final Deque<Outcome<String>> outcomes = new ArrayDeque<>();
    final List<String> prepared = new ArrayList<>();

    Script then(Outcome<String> outcome) {
      outcomes.add(outcome);
      return this;
    }

    @Override
    public RetryEngine.Exchange<String> prepare(int attempt, int maxAttempts, Deadline deadline) {
      prepared.add(attempt + "/" + maxAttempts);
      Outcome<String> outcome = outcomes.remove();
      return new RetryEngine.Exchange<>() {
        @Override
        public Outcome<String> execute() {
          return outcome;
        }

        @Override
        public void enqueue(BiConsumer<Outcome<String>, Throwable> done) {
          CompletableFuture.runAsync(() -> done.accept(outcome, null));
        }

        @Override
        public void cancel() {}
      };
    }
  }

  private static Outcome<String> notSent() {
    return Outcome.failure(new RequestNotSentException("refused", null, 1), true, Optional.empty());
  }

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RetryPolicy policy = sleeper.policy();

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryableFailureWaitsOnTheInjectedSleeperThenSucceeds(Mode mode) {
    Script script = new Script().then(notSent()).then(Outcome.success("chat"));

    String result = mode.run(new RetryEngine<>(policy, sleeper, new TestClock(), true), script, Optional.empty());

    assertThat(result).isEqualTo("chat");
    assertThat(script.prepared).containsExactly("1/3", "2/3");
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRequestThatCannotBeReplayedGetsOneAttempt(Mode mode) {
    Script script = new Script().then(notSent());

    Throwable e = catchThrowable(() -> mode.run(new RetryEngine<>(policy, sleeper, new TestClock(), false), script,
        Optional.empty()));

    assertThat(e).isInstanceOf(RequestNotSentException.class);
    assertThat(script.prepared).containsExactly("1/1");
    assertThat(sleeper.delays()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theDeadlineReadsTheEngineClockNotThePolicys(Mode mode) {
    TestClock engineClock = new TestClock();
    Script script = new Script().then(notSent()).then(Outcome.success("chat"));
    Sleeper advancing = new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        engineClock.advance(duration);
      }

      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        engineClock.advance(duration);
        return CompletableFuture.completedFuture(null);
      }
    };
    RetryEngine<String> engine = new RetryEngine<>(policy, advancing, engineClock, true);

    // A 500 ms backoff fits a 600 ms budget; the engine's clock moved by it, so 100 ms remain for the attempt.
    assertThat(mode.run(engine, script, Optional.of(Duration.ofMillis(600)))).isEqualTo("chat");

    Script late = new Script().then(notSent());
    // 400 ms cannot hold a 500 ms wait: the first failure is final, and nothing waited.
    Throwable e = catchThrowable(() -> mode.run(engine, late, Optional.of(Duration.ofMillis(400))));
    assertThat(e).isInstanceOf(UnipileException.class);
    assertThat(late.prepared).containsExactly("1/3");
  }

  @Test
  void thePolicyDecidesWhichStatusesAreRetried() {
    assertThat(RetryPolicy.defaults().retriesStatus(429)).isTrue();
    assertThat(RetryPolicy.defaults().retriesStatus(503)).isTrue();
    assertThat(List.of(400, 401, 422, 500, 501, 502, 504))
        .noneMatch(status -> RetryPolicy.defaults().retriesStatus(status));
  }
}
