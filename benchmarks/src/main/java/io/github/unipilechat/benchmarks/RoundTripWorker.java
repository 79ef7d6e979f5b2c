package io.github.unipilechat.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One way of sending the benchmark's start-chat, in a JVM of its own so the JIT compiles it alone, as in an
 * application. It sends for as long as it is told on stdin ({@code "<millis>"}, one batch per line) and answers
 * {@code "<calls> <nanos> <allocated bytes>"}; {@code "quit"} ends it. Arguments: {@code MODE BASE_URL}.
 */
public final class RoundTripWorker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RoundTripWorker() {}

  /** The ways a round trip is measured; {@link #RAW} is the baseline. */
  enum Mode {
    /** The client, the request built (and so validated) per call. */
    CLIENT,
    /** The client, one request built once and sent again and again: the call path alone. */
    CLIENT_PREBUILT,
    /** Raw OkHttp building the same multipart by hand, with the client's timeouts, reading the chat id. */
    RAW,
    /** Not a target: raw OkHttp after building the client's request, unsent; isolates the spec check's share. */
    RAW_AFTER_CLIENT_BUILD
  }

  public static void main(String[] args) throws Exception {
    Mode mode = Mode.valueOf(args[0]);
    Callable<Object> call = call(mode, args[1]);
    ThreadMXBean memory = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
      long allocatedBefore = memory.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      long end = start + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(line));
      long calls = 0;
      do {
        if (call.call() == null) {
          throw new IllegalStateException(mode + ": no chat id in the answer");
        }
        calls++;
      } while (System.nanoTime() < end);
      long nanos = System.nanoTime() - start;
      System.out.println(calls + " " + nanos + " " + (memory.getCurrentThreadAllocatedBytes() - allocatedBefore));
    }
    System.exit(0);
  }

  private static Callable<Object> call(Mode mode, String baseUrl) {
    return switch (mode) {
      case CLIENT -> {
        UnipileChatClient client = client(baseUrl);
        yield () -> client.startChat(SameRequest.viaClient()).chatId().orElse(null);
      }
      case CLIENT_PREBUILT -> {
        UnipileChatClient client = client(baseUrl);
        StartChatRequest prebuilt = SameRequest.viaClient();
        yield () -> client.startChat(prebuilt).chatId().orElse(null);
      }
      case RAW -> raw(baseUrl);
      case RAW_AFTER_CLIENT_BUILD -> {
        Callable<Object> raw = raw(baseUrl);
        yield () -> SameRequest.viaClient() == null ? null : raw.call();
      }
    };
  }

  private static UnipileChatClient client(String baseUrl) {
    return UnipileChatClient.builder().baseUrl(baseUrl).apiKey("bench-key").build();
  }

  private static Callable<Object> raw(String baseUrl) {
    // The client's default timeouts, so both sides run under the same OkHttp settings.
    OkHttpClient raw = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
        .writeTimeout(60, TimeUnit.SECONDS).callTimeout(5, TimeUnit.MINUTES).build();
    Request.Builder request = new Request.Builder().url(baseUrl + "/api/v1/chats").header("X-API-KEY", "bench-key");
    return () -> {
      try (Response response = raw.newCall(request.post(SameRequest.byHand()).build()).execute()) {
        return JSON.readValue(response.body().byteStream(), ChatsControllerStartNewChat201Response.class).getChatId();
      }
    };
  }
}
