package io.github.unipilechat.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.unipilechat.drift.internal.CreatedBody;
import io.github.unipilechat.generated.api.MessagingApi;
import io.github.unipilechat.http.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/** The OkHttp client and the generated Retrofit API, wired the way this endpoint needs. */
public final class Transport implements AutoCloseable {
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final MessagingApi api;
  private final ApiKey apiKey;

  private Transport(OkHttpClient http, boolean ownsHttp, HttpUrl baseUrl, ApiKey apiKey) {
    this.http = http;
    this.apiKey = apiKey;
    this.ownsHttp = ownsHttp;
    // Retrofit asks for a converter for every @Part parameter of the generated method when it first reads it,
    // though only the parts slot carries anything; without eager fetching Jackson builds no serializer for the
    // unused model parameters (a tenth of a second of reflection in a cold JVM) until one is written.
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.EAGER_SERIALIZER_FETCH);
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(new AttemptCallFactory(http))
        // Scalars first: plain string parts go out as text, not as JSON-quoted strings.
        .addConverterFactory(ScalarsConverterFactory.create())
        // The success body keeps its JSON for the response check (drift); every other type goes on to Jackson.
        .addConverterFactory(CreatedBody.converterFactory(mapper))
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .build()
        .create(MessagingApi.class);
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
        // Before Retrofit sees it: it would buffer an error body whole.
        .addInterceptor(new BoundedErrorBody())
        // Network interceptors see every hop: the first marks that the request may leave (no retry after that),
        // the second adds the key for the configured origin only, the last logs with the key redacted.
        .addNetworkInterceptor(new SendTracker.Marker())
        .addNetworkInterceptor(new ApiKeyInterceptor(apiKey, baseUrl))
        .addNetworkInterceptor(new ApiKeyRedactingLogInterceptor(apiKey))
        .build();
    return new Transport(http, shared == null, baseUrl, apiKey);
  }

  /** {@code text} with the API key replaced by {@code [redacted]}: for anything the server or a library echoes. */
  public String scrub(String text) {
    return apiKey.scrub(text);
  }

  /** The generated Retrofit API, wired to this transport: for {@link StartChatCall}. */
  MessagingApi api() {
    return api;
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
