package io.github.unipilechat.internal.transport;

import io.github.unipilechat.http.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OkHttp client, wired the way the provider's API needs: no silent retry, no redirect, the key only to the
 * configured origin, a send tracker on every hop, logs with the key redacted.
 */
public final class Transport implements AutoCloseable {
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ApiKey apiKey;

  private Transport(OkHttpClient http, boolean ownsHttp, ApiKey apiKey) {
    this.http = http;
    this.apiKey = apiKey;
    this.ownsHttp = ownsHttp;
  }
  /**
   * @param shared an application's client to share its pool and threads with, or null for one of our own
   */
  public static Transport create(HttpUrl baseUrl, ApiKey apiKey, OkHttpClient shared, Timeouts timeouts) {
    OkHttpClient.Builder builder = shared == null ? new OkHttpClient.Builder() : shared.newBuilder();
    if (shared == null && !baseUrl.isHttps()) {
      // Plain http goes to this origin only (redirects are off), so no TLS is ever needed: without a TLS spec OkHttp
      // skips loading the JDK's trust store, a tenth of a second of a short command's start.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    OkHttpClient http = builder
        .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(timeouts.write().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(timeouts.call().toMillis(), TimeUnit.MILLISECONDS)
        // OkHttp would silently send a POST again after some connection failures; a chat is not idempotent.
        .retryOnConnectionFailure(false)
        // A redirect would carry the message to wherever it points (OkHttp re-sends the body on 307/308); a 3xx
        // is reported as an unexpected status instead.
        .followRedirects(false)
        .followSslRedirects(false)
        // Network interceptors see every hop: the first marks that the request may leave (no retry after that),
        // the second adds the key for the configured origin only, the last logs with the key redacted.
        .addNetworkInterceptor(new SendTracker.Marker())
        .addNetworkInterceptor(new ApiKeyInterceptor(apiKey, baseUrl))
        .addNetworkInterceptor(new ApiKeyRedactingLogInterceptor(apiKey))
        .build();
    return new Transport(http, shared == null, apiKey);
  }

  /** {@code text} with the API key replaced by {@code [redacted]}: for anything the server or a library echoes. */
  public String scrub(String text) {
    return apiKey.scrub(text);
  }

  /** One attempt of {@code request}, not yet sent. */
  Call newCall(Request request) {
    return http.newCall(request);
  }

  /** The configured OkHttp client: for this package's tests. */
  OkHttpClient http() {
    return http;
  }

  /** The client's whole-call limit per attempt (zero: none). */
  Duration callTimeout() {
    return Duration.ofMillis(http.callTimeoutMillis());
  }

  /** Releases threads and connections, unless they belong to a shared client. */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
