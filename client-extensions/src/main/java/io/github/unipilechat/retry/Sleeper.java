package io.github.unipilechat.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. Injectable so tests can record the delays instead of waiting: {@link #sleep} for
 * {@code startChat}, {@link #delay} for {@code startChatAsync} (which must not block OkHttp's threads).
 */
public interface Sleeper {
  /** Really waits: {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
  Sleeper SYSTEM = new Sleeper() {
    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }

    @Override
    public String toString() {
      return "Sleeper.SYSTEM";
    }
  };

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Completes after {@code duration} without holding a thread meanwhile. */
  default CompletableFuture<Void> delay(Duration duration) {
    return CompletableFuture.runAsync(() -> {},
        CompletableFuture.delayedExecutor(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS));
  }
}
