package io.github.unipilechat.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each requested delay and returns at once, so retry tests neither wait nor guess. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock();

  @Override
  public void sleep(Duration duration) {
    delay(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    delays.add(duration);
    clock.advance(duration);
    return CompletableFuture.completedFuture(null);
  }

  /** The time as this sleeper's waits have moved it. */
  public TestClock clock() {
    return clock;
  }

  public List<Duration> delays() {
    return List.copyOf(delays);
  }

  /**
   * A policy with the default limits whose waits are recorded by this sleeper (on its clock), jitter fixed at its
   * maximum.
   */
  public RetryPolicy policy() {
    return RetryPolicy.builder().sleeper(this).clock(clock).random(() -> 1.0).build();
  }
}
