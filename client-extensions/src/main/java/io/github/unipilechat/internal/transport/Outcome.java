package io.github.unipilechat.internal.transport;

import io.github.unipilechat.errors.UnipileException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt's classified outcome: the result, or the exception to raise and whether the attempt may be sent
 * again (and after how long the server asked to wait).
 *
 * @param <T> the call's result
 * @param result the result, or null on failure
 * @param error the exception to raise, or null on success
 * @param retryable whether nothing was sent or the server said to try again
 * @param retryAfter the server's {@code Retry-After}, when it gave one
 */
public record Outcome<T>(T result, UnipileException error, boolean retryable, Optional<Duration> retryAfter) {
  /** A result. */
  public static <T> Outcome<T> success(T result) {
    return new Outcome<>(Objects.requireNonNull(result, "result"), null, false, Optional.empty());
  }

  /** A failure that is never sent again. */
  public static <T> Outcome<T> fatal(UnipileException error) {
    return new Outcome<>(null, Objects.requireNonNull(error, "error"), false, Optional.empty());
  }

  /** A failure the policy may retry. */
  public static <T> Outcome<T> failure(UnipileException error, boolean retryable, Optional<Duration> retryAfter) {
    return new Outcome<>(null, Objects.requireNonNull(error, "error"), retryable, retryAfter);
  }

  /** True when the attempt produced the result. */
  public boolean succeeded() {
    return error == null;
  }
}
