package io.github.unipilechat.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One blocking start-chat over loopback: the client (build, validate, encode, send, parse) vs raw OkHttp doing the
 * same job by hand (same multipart, same timeouts, the chat id read from the answer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoopbackServer server;
  private UnipileChatClient client;
  private OkHttpClient raw;
  private Request.Builder rawRequest;
  private StartChatRequest prebuilt;

  @Setup(Level.Trial)
  public void start() {
    server = new LoopbackServer();
    client = UnipileChatClient.builder().baseUrl(server.baseUrl()).apiKey("bench-key").build();
    // The client's default timeouts, so both sides run under the same OkHttp settings.
    raw = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
        .writeTimeout(60, TimeUnit.SECONDS).callTimeout(5, TimeUnit.MINUTES).build();
    prebuilt = SameRequest.viaClient();
    rawRequest = new Request.Builder().url(server.baseUrl() + "/api/v1/chats").header("X-API-KEY", "bench-key");
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public ChatStarted client() {
    return client.startChat(SameRequest.viaClient());
  }

  /** The call path alone: the request is built and validated once, as a service reusing a template would. */
  @Benchmark
  public ChatStarted clientPrebuiltRequest() {
    return client.startChat(prebuilt);
  }

  /** What a raw OkHttp caller must do for the same result: send, then read the chat id from the answer. */
  @Benchmark
  public String rawOkHttp() throws IOException {
    try (Response response = raw.newCall(rawRequest.post(SameRequest.byHand()).build()).execute()) {
      return JSON.readValue(response.body().byteStream(), ChatsControllerStartNewChat201Response.class).getChatId();
    }
  }
}
