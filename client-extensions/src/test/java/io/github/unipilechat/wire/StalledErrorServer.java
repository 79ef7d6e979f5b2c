package io.github.unipilechat.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Answers one request with HTTP 400 announcing a 1 GiB body, sends {@code sent} bytes of it, then stalls until
 * closed. A client that reads a bounded prefix finishes; one that reads the body whole waits forever.
 */
public final class StalledErrorServer implements AutoCloseable {
  private final ServerSocket socket;
  private final CountDownLatch release = new CountDownLatch(1);
  private final Thread thread;

  private StalledErrorServer(int sent) throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(sent), "stalled-error-server");
    thread.setDaemon(true);
    thread.start();
  }

  public static StalledErrorServer start(int sent) throws IOException {
    return new StalledErrorServer(sent);
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void serve(int sent) {
    try (Socket client = socket.accept()) {
      OutputStream out = client.getOutputStream();
      out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: " + (1L << 30) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 16];
      Arrays.fill(chunk, (byte) 'x');
      for (int written = 0; written < sent; written += chunk.length) {
        out.write(chunk, 0, Math.min(chunk.length, sent - written));
      }
      out.flush();
      release.await();
    } catch (IOException | InterruptedException e) {
      // the client went away, or the test is over
    }
  }

  @Override
  public void close() throws IOException {
    release.countDown();
    socket.close();
  }
}
