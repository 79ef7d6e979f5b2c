package io.github.unipilechat.contract.mock;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Gives up on a request body that comes too slowly: under {@code minBytesPerSecond} on average once {@code grace}
 * has passed, or not complete after {@code max}. The read then fails with a {@link TimeoutException} saying which,
 * so the mock answers it and Jetty closes the connection. A body that stops altogether is Jetty's idle timeout's.
 *
 * <p>Per request; Jetty's {@code MinimumDataRateHandler} measures the bytes of every request its handler has seen
 * (its statistics), so a crowd of slow senders passes its check together.
 */
final class SlowBodyGuard extends Handler.Wrapper {
  private final long minBytesPerSecond;
  private final long graceNanos;
  private final long maxNanos;

  SlowBodyGuard(long minBytesPerSecond, Duration grace, Duration max) {
    this.minBytesPerSecond = minBytesPerSecond;
    this.graceNanos = grace.toNanos();
    this.maxNanos = max.toNanos();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    return super.handle(new Guarded(request), response, callback);
  }

  /** Counts what is read and checks the pace each time the reader waits for more. */
  private final class Guarded extends Request.Wrapper {
    private final long start = NanoTime.now();
    private long bytes;
    private volatile Content.Chunk failure;

    Guarded(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk failed = failure;
      if (failed != null) {
        return failed;
      }
      Content.Chunk chunk = super.read();
      if (chunk != null) {
        bytes += chunk.remaining();
      }
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      String tooSlow = tooSlow(NanoTime.since(start));
      if (tooSlow != null) {
        failure = Content.Chunk.from(new TimeoutException(tooSlow));
        demandCallback.run();
        return;
      }
      super.demand(demandCallback);
    }

    private String tooSlow(long elapsed) {
      if (elapsed > maxNanos) {
        return "not complete within " + Duration.ofNanos(maxNanos).toSeconds() + " s";
      }
      if (elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
        return "under " + minBytesPerSecond + " bytes/s on average after " + Duration.ofNanos(graceNanos).toSeconds() + " s";
      }
      return null;
    }
  }
}
