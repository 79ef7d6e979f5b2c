package io.github.unipilechat.internal.transport;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request and answer at debug level (method, URL, attempt, status, duration; headers at trace), with
 * {@code X-API-KEY} shown as {@code [redacted]} and the key scrubbed from anything else logged. Installed as the
 * last network interceptor, so it sees each hop (redirects included) as sent. Bodies are never logged.
 */
final class ApiKeyRedactingLogInterceptor implements Interceptor {
  static final String LOGGER = "io.github.unipilechat.http";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final ApiKey apiKey;

  ApiKeyRedactingLogInterceptor(ApiKey apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String attempt = attempt(request);
    LOG.debug("--> {} {}{}", request.method(), url(request), attempt);
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> headers: {}", headers(request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- {} {}{} failed after {} ms: {}", request.method(), url(request), attempt,
          elapsed(start), apiKey.scrub(e.toString()));
      throw e;
    }
    LOG.debug("<-- {} {} {}{} in {} ms", response.code(), request.method(), url(request),
        attempt, elapsed(start));
    if (LOG.isTraceEnabled()) {
      LOG.trace("<-- headers: {}", headers(response.headers()));
    }
    return response;
  }

  /** Scheme, host, port and path: no user info, no query. */
  private String url(Request request) {
    okhttp3.HttpUrl url = request.url();
    return apiKey.scrub(url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath());
  }

  private String headers(Headers headers) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = name.equalsIgnoreCase(ApiKeyInterceptor.HEADER)
          || name.toLowerCase(Locale.ROOT).contains("authorization") || name.equalsIgnoreCase("cookie")
          || name.equalsIgnoreCase("set-cookie");
      out.append(i == 0 ? "" : ", ").append(name).append('=')
          .append(secret ? "[redacted]" : apiKey.scrub(headers.value(i)));
    }
    return out.append('}').toString();
  }

  private static String attempt(Request request) {
    SendTracker tracker = SendTracker.of(request);
    return tracker == null ? "" : " (attempt " + tracker.attempt() + "/" + tracker.maxAttempts() + ")";
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
