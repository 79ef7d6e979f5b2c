package io.github.unipilechat.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Connect, read, write and whole-call limits. The defaults leave room for a large video upload while still
 * ending a call that hangs: connect 10 s, read 60 s, write 60 s, whole call 5 min. Zero means no limit. With
 * retries, each attempt gets its own whole-call limit.
 */
public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
  /** Connect 10 s, read 60 s, write 60 s, whole call 5 min. */
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(call, "call");
    for (Duration d : new Duration[] {connect, read, write, call}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("timeouts: a timeout cannot be negative (zero means none): " + d);
      }
    }
  }

  /** A copy with this connect timeout (TCP and TLS). */
  public Timeouts withConnect(Duration connect) {
    return new Timeouts(connect, read, write, call);
  }

  /** A copy with this read timeout (the longest silence while reading the answer). */
  public Timeouts withRead(Duration read) {
    return new Timeouts(connect, read, write, call);
  }

  /** A copy with this write timeout (the longest stall while writing the request). */
  public Timeouts withWrite(Duration write) {
    return new Timeouts(connect, read, write, call);
  }

  /** A copy with this whole-call timeout (each attempt, sending to the last byte of the answer). */
  public Timeouts withCall(Duration call) {
    return new Timeouts(connect, read, write, call);
  }
}
