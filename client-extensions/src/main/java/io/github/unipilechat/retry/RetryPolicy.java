package io.github.unipilechat.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before sending a failed request again. Immutable.
 *
 * <p>Only failures where the provider certainly did not send the message are retried: HTTP 429 and 503, and
 * connection failures before any byte of the request left. Never HTTP 400-422, 500, 501, 504, timeouts after
 * sending or connections dropped after sending, and never a request whose body cannot be written twice (an
 * {@code InputStream} attachment).
 *
 * <p>Delay before retry {@code n} (1-based): the answer's {@code Retry-After} (seconds or HTTP date) when present,
 * at most {@link #maxRetryAfter()}; otherwise {@code min(maxBackoff, initialBackoff * 2^(n-1))}, jittered to
 * between half and all of it.
 */
public final class RetryPolicy {
  /** Retries after the first attempt unless set: 2. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** The first backoff unless set: 0.5 s. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  /** The longest backoff unless set: 8 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
  /** The longest {@code Retry-After} honoured unless set: 60 s. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Clock clock;

  private RetryPolicy(Builder b) {
    this.clock = b.clock;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.sleeper = b.sleeper;
    this.random = b.random;
  }

  /** Up to 2 retries, 0.5 s doubling to 8 s, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Never retries. */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxRetries(0);
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRetries = maxRetries;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.sleeper = sleeper;
    b.random = random;
    b.clock = clock;
    return b;
  }

  /** A copy with this many retries (0 disables retrying). */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return toBuilder().maxRetries(maxRetries).build();
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** {@code maxRetries + 1}. */
  public int maxAttempts() {
    return maxRetries + 1;
  }

  /** The first backoff, doubled on each further retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest wait a {@code Retry-After} may impose. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** How the client waits between attempts. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Whether an answer with this HTTP status may be sent again: 429 (rate limited) and 503 (no session yet), where
   * the provider did not act on the request. Every other error status is final.
   *
   * @param status the answer's HTTP status
   * @return true for 429 and 503
   */
  public boolean retriesStatus(int status) {
    return status == 429 || status == 503;
  }

  /** Where a call's deadline and an HTTP-date {@code Retry-After} read the time. */
  public Clock clock() {
    return clock;
  }

  /** The nominal exponential delay before retry {@code retry} (1-based), before jitter. */
  public Duration nominalBackoff(int retry) {
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long nominal = initial > (cap >> shift) ? cap : initial << shift;
    return Duration.ofMillis(Math.min(nominal, cap));
  }

  /** The delay before retry {@code retry} (1-based): capped Retry-After when given, else jittered backoff. */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter) {
    if (retryAfter != null && retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    long nominal = nominalBackoff(retry).toMillis();
    double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
    return Duration.ofMillis(nominal / 2 + Math.round((nominal - nominal / 2) * r));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", backoff=" + initialBackoff.toMillis() + "ms.."
        + maxBackoff.toMillis() + "ms, maxRetryAfter=" + maxRetryAfter.toMillis() + "ms}";
  }

  /** Builds a {@link RetryPolicy}; unset values are the defaults. */
  public static final class Builder {
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Retries after the first attempt; 0 disables retrying. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries: expected 0..10, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The first backoff (doubled on each further retry). */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
      return this;
    }

    /** The longest backoff. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
      return this;
    }

    /** The longest wait a {@code Retry-After} may impose; a longer one is cut to this. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative("maxRetryAfter", maxRetryAfter);
      return this;
    }

    /** How to wait; tests pass one that records the delays. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The jitter's source of numbers in [0, 1]; tests may fix it. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The time source for deadlines and {@code Retry-After} dates; tests pass one their sleeper advances. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The policy as set. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff: shorter than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + ": negative");
      }
      return d;
    }
  }
}
