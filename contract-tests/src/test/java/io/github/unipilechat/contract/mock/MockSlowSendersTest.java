package io.github.unipilechat.contract.mock;

import static io.github.unipilechat.contract.mock.MockClient.KEY;
import static io.github.unipilechat.contract.mock.MockClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Slow senders (issue 21, item 10): hundreds of loopback connections trickling a line a second, half still in their
 * headers, half in a multipart body with a large Content-Length. Before, the body senders held every worker thread
 * (Jetty's multipart parser blocks on a read) and a normal request waited for minutes. Bounded: {@link #SENDERS}
 * sockets for at most {@link #ATTACK_SECONDS} seconds, every one closed at the end.
 */
class MockSlowSendersTest {
  /** Half of them, 350, in a body: more than Javalin's 250 worker threads, every one of which they held before. */
  private static final int SENDERS = 700;
  private static final int ATTACK_SECONDS = 20;
  /** Generous: a normal request takes milliseconds; before, it waited as long as the attack lasted. */
  private static final int ANSWER_SECONDS = 5;

  @Test
  void normalRequestIsAnsweredWhileHundredsOfSlowSendersTrickle() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(ANSWER_SECONDS, TimeUnit.SECONDS).build();
    try (MockUnipileServer mock = MockUnipileServer.builder().build().start()) {
      assertThat(startChat(http, mock)).as("before the attack (the spec read, the path warm)").isEqualTo(201);
      for (int i = 0; i < SENDERS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 2_000);
        sockets.add(socket);
        send(socket, i % 2 == 0 ? headersBegun() : bodyBegun());
      }
      long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(ATTACK_SECONDS);
      trickle.scheduleWithFixedDelay(() -> {
        for (int i = 0; i < sockets.size() && System.nanoTime() < stop; i++) {
          send(sockets.get(i), i % 2 == 0 ? "X-Slow: still coming\r\n" : "still coming\r\n");
        }
      }, 1, 1, TimeUnit.SECONDS);
      Thread.sleep(2_000); // every body sender's headers are read by now: before, each held a worker thread from here

      assertThat(startChat(http, mock)).as("during the attack, within %d s", ANSWER_SECONDS).isEqualTo(201);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      trickle.shutdownNow();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  @Test
  void bodyUnderTheMinimumPaceIsGivenUpOnWithSpecJson() throws Exception {
    try (MockUnipileServer mock = MockUnipileServer.builder().build().start(); Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 2_000);
      send(socket, bodyBegun());
      // A line a second, far under 1 KB/s: before, the mock waited as long as the lines came (for ever).
      for (int second = 0; second < ATTACK_SECONDS && socket.getInputStream().available() == 0; second++) {
        send(socket, "still coming\r\n");
        Thread.sleep(1_000);
      }

      RawHttp.Answer answer = RawHttp.read(socket);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(SpecValidator.bundled().validateResponse(400, answer.header("Content-Type"), answer.body()).violations()).isEmpty();
      assertThat(answer.body()).contains("too slowly");
    }
  }

  /** A normal valid request on a fresh connection; its status. */
  private static int startChat(OkHttpClient http, MockUnipileServer mock) throws IOException {
    Request request = new Request.Builder().url(mock.baseUrl() + SpecValidator.PATH).header("X-API-KEY", KEY)
        .header("Connection", "close").post(valid().build()).build();
    try (Response response = http.newCall(request).execute()) {
      return response.code();
    }
  }

  private static String headersBegun() {
    return "POST " + SpecValidator.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-KEY: " + KEY + "\r\n";
  }

  private static String bodyBegun() {
    return "POST " + SpecValidator.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-KEY: " + KEY + "\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n";
  }

  /** Writes without caring whether the mock has already closed the connection (it may, and should). */
  private static void send(Socket socket, String text) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException closedByTheMock) {
      // the mock gave up on this sender: what the test wants
    }
  }
}
