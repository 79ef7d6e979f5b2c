package io.github.unipilechat.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The end of a whole call (every attempt and every wait), read from an injected {@link Clock} so tests need not
 * wait. Without a budget there is no end.
 */
public final class Deadline {
  private final Clock clock;
  private final Duration budget;
  private final Instant end;

  private Deadline(Clock clock, Duration budget, Instant end) {
    this.clock = clock;
    this.budget = budget;
    this.end = end;
  }

  /** Starts now; an empty budget never ends. A budget too large for the clock never ends either. */
  public static Deadline start(Optional<Duration> budget, Clock clock) {
    if (budget.isEmpty()) {
      return new Deadline(clock, null, null);
    }
    Instant now = clock.instant();
    Instant end;
    try {
      end = now.plus(budget.get());
    } catch (ArithmeticException | java.time.DateTimeException e) {
      end = Instant.MAX;
    }
    return new Deadline(clock, budget.get(), end);
  }

  /** The time left, or empty when the call has no deadline; never negative. */
  public Optional<Duration> remaining() {
    if (end == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), end);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /** True when no deadline is set or time is left for an attempt. */
  public boolean allowsAnAttempt() {
    return remaining().map(left -> !left.isZero()).orElse(true);
  }

  /** True when a wait of {@code wait} would end before the deadline, leaving time for the attempt after it. */
  public boolean allowsWait(Duration wait) {
    return remaining().map(left -> wait.compareTo(left) < 0).orElse(true);
  }

  /** The budget the call started with, when it has one. */
  public Optional<Duration> budget() {
    return Optional.ofNullable(budget);
  }
}
