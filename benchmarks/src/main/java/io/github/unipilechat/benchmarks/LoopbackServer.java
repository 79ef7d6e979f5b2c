package io.github.unipilechat.benchmarks;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one server both sides of every comparison talk to: reads each body to the end, counting but keeping
 * nothing (a 1 GiB upload must not land in its memory either), and answers like Unipile.
 */
final class LoopbackServer implements AutoCloseable {
  static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_1\",\"message_id\":\"msg_1\"}";

  private final Javalin app;
  private final AtomicLong bytes = new AtomicLong();

  LoopbackServer() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = Long.MAX_VALUE;
      config.routes.post("/api/v1/chats", ctx -> {
        bytes.addAndGet(drain(ctx.bodyInputStream()));
        ctx.status(201).contentType("application/json").result(CREATED);
      });
    }).start("127.0.0.1", 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  long bytesReceived() {
    return bytes.get();
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
    }
    return total;
  }

  @Override
  public void close() {
    app.stop();
  }
}
