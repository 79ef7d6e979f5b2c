package io.github.unipilechat.internal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells, after a failure, whether the request could have left the machine. Attached to each attempt's request as
 * a tag; the network interceptor marks it once a connection is open, just before the request is written. A
 * failure while it is unmarked (DNS, connection refused, connect timeout, TLS) sent nothing and may be retried;
 * once marked, the provider may have received the request.
 */
public final class SendTracker {
  private volatile int attempt = 1;
  private volatile int maxAttempts = 1;
  private volatile boolean mayHaveBeenSent;
  private volatile boolean bodyStarted;

  SendTracker() {}

  /** Numbers this attempt, for the logs. */
  public void attempt(int attempt, int maxAttempts) {
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
  }

  /** The tracker of {@code request}, or null. */
  public static SendTracker of(Request request) {
    return request.tag(SendTracker.class);
  }

  public int attempt() {
    return attempt;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** True once a connection was open and writing the request began (conservatively: even if no byte left). */
  public boolean mayHaveBeenSent() {
    return mayHaveBeenSent;
  }

  void markSending() {
    mayHaveBeenSent = true;
  }

  /**
   * True once a byte of the request's body was handed to the connection. Until then a failure of the body's own
   * content (an attachment that vanished or shrank) left nothing the provider could act on: the headers alone,
   * still in OkHttp's buffer, announce a body that never came.
   */
  public boolean bodyStarted() {
    return bodyStarted;
  }

  void markBodyStarted() {
    bodyStarted = true;
  }

  /** Network interceptor: runs on an open connection, before the request is written. */
  static final class Marker implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      SendTracker tracker = of(chain.request());
      if (tracker != null) {
        tracker.markSending();
      }
      return chain.proceed(chain.request());
    }
  }
}
