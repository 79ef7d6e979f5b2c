package io.github.unipilechat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * Shows how much of a large upload has been written, on one stderr line redrawn in place, as curl does: only for a
 * body over {@link #THRESHOLD} bytes, and only when the command line runs at a terminal (a script's stderr stays
 * clean).
 */
final class UploadProgress implements Interceptor {
  /** Below this a request goes out too fast for progress to mean anything. */
  static final long THRESHOLD = 4L * 1024 * 1024;
  private static final long STEP = 256L * 1024;

  private final PrintStream err;

  UploadProgress(PrintStream err) {
    this.err = err;
  }

  /** Whether progress is shown: a terminal is attached (Java cannot ask about stderr alone). */
  static boolean wanted() {
    return System.console() != null;
  }

  /**
   * Gives {@code builder} an OkHttp client that shows upload progress, when {@link #wanted()}; the returned handle
   * releases that client's threads.
   */
  static Attached attach(io.github.unipilechat.UnipileChatClient.Builder builder, PrintStream err) {
    if (!wanted()) {
      return () -> { };
    }
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().addInterceptor(new UploadProgress(err)).build();
    builder.okHttpClient(http);
    return () -> {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    };
  }

  /** Releases what {@link #attach} started; never fails. */
  interface Attached extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body == null || body.contentLength() < THRESHOLD) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().method(request.method(), new Counted(body, err)).build());
  }

  /** The body as it was, its bytes counted on their way to the connection. */
  static final class Counted extends RequestBody {
    private final RequestBody body;
    private final PrintStream err;

    Counted(RequestBody body, PrintStream err) {
      this.body = body;
      this.err = err;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return body.isOneShot();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      long total = contentLength();
      BufferedSink counting = Okio.buffer(new ForwardingSink(sink) {
        private long written;
        private long shown = -STEP;

        @Override
        public void write(Buffer source, long byteCount) throws IOException {
          // In steps, so that one large write (a body held in memory) still shows its progress.
          for (long left = byteCount; left > 0; ) {
            long step = Math.min(left, STEP);
            super.write(source, step);
            left -= step;
            written += step;
            if (written - shown >= STEP || written == total) {
              shown = written;
              err.print(line(written, total));
              if (written == total) {
                err.println();
              }
              err.flush();
            }
          }
        }
      });
      body.writeTo(counting);
      counting.emit();
    }
  }

  /** {@code \rupload  12.3 MB of 40.0 MB (30%)}: redrawn in place. */
  static String line(long written, long total) {
    return String.format(Locale.ROOT, "\rupload %6.1f MB of %.1f MB (%d%%)", written / 1e6, total / 1e6,
        total <= 0 ? 0 : written * 100 / total);
  }
}
