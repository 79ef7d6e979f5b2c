package io.github.unipilechat.wire;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking and async calls behind one face, so one parameterized test covers both. */
public enum CallMode {
  BLOCKING {
    @Override
    public CompletableFuture<ChatStarted> submit(UnipileChatClient client, StartChatRequest request,
        CallOptions options) {
      try {
        return CompletableFuture.completedFuture(client.startChat(request, options));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  },
  ASYNC {
    @Override
    public CompletableFuture<ChatStarted> submit(UnipileChatClient client, StartChatRequest request,
        CallOptions options) {
      return client.startChatAsync(request, options);
    }
  };

  /** Starts the call; the blocking mode has finished it when this returns. */
  public abstract CompletableFuture<ChatStarted> submit(UnipileChatClient client, StartChatRequest request,
      CallOptions options);

  /** The call's result; its exception unwrapped (a cancelled async call raises {@code CancellationException}). */
  public ChatStarted start(UnipileChatClient client, StartChatRequest request, CallOptions options) {
    return await(submit(client, request, options));
  }

  public ChatStarted start(UnipileChatClient client, StartChatRequest request) {
    return start(client, request, CallOptions.DEFAULTS);
  }

  /** What the call raised (unwrapped), or null when it succeeded. */
  public Throwable failure(UnipileChatClient client, StartChatRequest request, CallOptions options) {
    try {
      start(client, request, options);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  public Throwable failure(UnipileChatClient client, StartChatRequest request) {
    return failure(client, request, CallOptions.DEFAULTS);
  }

  public static ChatStarted await(CompletableFuture<ChatStarted> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the call did not end", e);
    }
  }
}
