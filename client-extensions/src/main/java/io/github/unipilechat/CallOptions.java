package io.github.unipilechat;

import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings for {@code UnipileChatClient.startChat(request, options)}; anything unset uses the client's.
 *
 * <pre>{@code
 * client.startChat(request, CallOptions.builder().maxRetries(0).build());      // this call: no retry
 * client.startChat(request, CallOptions.builder().callTimeout(Duration.ofMinutes(10)).build());
 * client.startChat(request, CallOptions.builder().deadline(Duration.ofSeconds(30)).build()); // all attempts
 * }</pre>
 */
public final class CallOptions {
  /** Nothing overridden: every setting is the client's. */
  public static final CallOptions DEFAULTS = builder().build();

  private final RetryPolicy retryPolicy;
  private final Integer maxRetries;
  private final Duration callTimeout;
  private final Duration deadline;
  private final ResponseCheck checkResponse;

  private CallOptions(Builder b) {
    this.checkResponse = b.checkResponse;
    this.retryPolicy = b.retryPolicy;
    this.maxRetries = b.maxRetries;
    this.callTimeout = b.callTimeout;
    this.deadline = b.deadline;
  }

  /** A builder with nothing overridden. */
  public static Builder builder() {
    return new Builder();
  }

  /** This call is never retried. */
  public static CallOptions noRetries() {
    return builder().maxRetries(0).build();
  }

  /** The policy for this call, given the client's. */
  public RetryPolicy retryPolicy(RetryPolicy clientPolicy) {
    RetryPolicy base = retryPolicy == null ? clientPolicy : retryPolicy;
    return maxRetries == null ? base : base.withMaxRetries(maxRetries);
  }

  /** The whole-call timeout of each attempt, when overridden. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /** The limit on the whole call, every attempt and retry wait included, when set. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** The response check for this call, when overridden (see {@link ResponseCheck}). */
  public Optional<ResponseCheck> checkResponse() {
    return Optional.ofNullable(checkResponse);
  }

  /** Builds {@link CallOptions}; anything left unset uses the client's setting. */
  public static final class Builder {
    private ResponseCheck checkResponse;
    private RetryPolicy retryPolicy;
    private Integer maxRetries;
    private Duration callTimeout;
    private Duration deadline;

    private Builder() {}

    /** Replaces the client's retry policy for this call. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Overrides only the number of retries (0 disables). */
    public Builder maxRetries(int maxRetries) {
      RetryPolicy.builder().maxRetries(maxRetries); // same bounds check
      this.maxRetries = maxRetries;
      return this;
    }

    /** The whole-call timeout of each attempt, instead of the client's. */
    public Builder callTimeout(Duration callTimeout) {
      Objects.requireNonNull(callTimeout, "callTimeout");
      if (callTimeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout: negative");
      }
      this.callTimeout = callTimeout;
      return this;
    }

    /**
     * Bounds the whole call: every attempt and every retry wait. A wait that would end past it is not started (the
     * last answer is raised instead), and each attempt's whole-call timeout is cut to the time left. The time is
     * read from the retry policy's clock.
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline: must be positive");
      }
      this.deadline = deadline;
      return this;
    }

    /** Checks this call's answer at {@code level} instead of the client's (e.g. FAIL for a canary). */
    public Builder checkResponse(ResponseCheck level) {
      this.checkResponse = Objects.requireNonNull(level, "level");
      return this;
    }

    /** The options as set. */
    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
