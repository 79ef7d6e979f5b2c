package io.github.unipilechat.contract.pact;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A named pipe made with {@code mkfifo} (the test is skipped where there is none), and a guard for code that may
 * block on one: it runs on a daemon thread, so a reader stuck in {@code open} fails the test instead of hanging it.
 */
final class Fifo {
  private Fifo() {}

  static Path make(Path dir, String name) throws Exception {
    Path fifo = dir.resolve(name);
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    } catch (IOException noMkfifo) {
      assumeTrue(false, "no mkfifo on this machine");
    }
    assumeTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "mkfifo made no pipe");
    return fifo;
  }

  /**
   * What {@code call} threw (null if nothing), or an {@link AssertionError} when it is still running after
   * {@code seconds}; then the pipe (if any) is opened for writing and closed, which lets a blocked reader go.
   */
  static Throwable thrownWithin(int seconds, Path fifo, Callable<?> call) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        result.complete(call.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "may-block-on-a-fifo");
    worker.setDaemon(true);
    worker.start();
    try {
      result.get(seconds, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      if (fifo != null) {
        release(fifo);
      }
      throw new AssertionError("still blocked after " + seconds + " s: the pipe " + fifo + " was opened");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void release(Path fifo) {
    Thread writer = new Thread(() -> {
      try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
        out.flush();
      } catch (IOException ignored) {
        // nothing more to do for a test that already failed
      }
    }, "fifo-release");
    writer.setDaemon(true);
    writer.start();
  }
}
