package io.github.unipilechat.cli;

import io.github.unipilechat.contract.mock.MockUnipileServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The embedded mock {@code start-chat} sends to without a target, started on its own thread as the command line
 * starts (Jetty's start is the larger part of such a run, and needs nothing the command line parses) when the
 * arguments point there. A wrong guess costs CPU only: the command starts its own, and {@link #close()} stops an
 * early one nobody took.
 */
final class EmbeddedMock implements AutoCloseable {
  private final CompletableFuture<MockUnipileServer> early;
  private final boolean acceptNotDescribed;
  private boolean taken;

  private EmbeddedMock(CompletableFuture<MockUnipileServer> early, boolean acceptNotDescribed) {
    this.early = early;
    this.acceptNotDescribed = acceptNotDescribed;
  }

  /** Nothing started early: {@link #take} starts the mock itself. */
  static EmbeddedMock none() {
    return new EmbeddedMock(null, false);
  }

  /** Starts a mock now, on a thread of its own. */
  static EmbeddedMock startEarly(boolean acceptNotDescribed) {
    CompletableFuture<MockUnipileServer> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(start(acceptNotDescribed));
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }, "unipile-chat-mock-start");
    thread.setDaemon(true);
    thread.start();
    return new EmbeddedMock(future, acceptNotDescribed);
  }

  private static MockUnipileServer start(boolean acceptNotDescribed) {
    return MockUnipileServer.builder().port(0).acceptNotDescribed(acceptNotDescribed).build().start();
  }

  /** Whether a mock was started ahead of the command (for tests). */
  boolean startedEarly() {
    return early != null;
  }

  /** A started mock for the caller to close: the early one when it fits and started, else a new one. */
  synchronized MockUnipileServer take(boolean acceptNotDescribed) {
    if (early != null && !taken && this.acceptNotDescribed == acceptNotDescribed) {
      taken = true;
      try {
        return early.get();
      } catch (ExecutionException e) {
        // Start it here instead: a real problem shows again, on the command's own thread.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return start(acceptNotDescribed);
  }

  /** Stops an early mock nobody took (a command line that failed before sending, or went elsewhere). */
  @Override
  public synchronized void close() {
    if (early != null && !taken) {
      taken = true;
      early.thenAccept(MockUnipileServer::close);
    }
  }
}
