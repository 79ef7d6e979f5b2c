package io.github.unipilechat.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Connect, read, write and whole-call limits. The defaults leave room for a large video upload while still
 * ending a call that hangs.
 */
public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(call, "call");
  }

  public Timeouts withConnect(Duration connect) {
    return new Timeouts(connect, read, write, call);
  }

  public Timeouts withRead(Duration read) {
    return new Timeouts(connect, read, write, call);
  }

  public Timeouts withWrite(Duration write) {
    return new Timeouts(connect, read, write, call);
  }

  public Timeouts withCall(Duration call) {
    return new Timeouts(connect, read, write, call);
  }
}
