package io.github.unipilechat.internal.transport;

import io.github.unipilechat.internal.openapi.Security;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code X-API-KEY} to requests bound for the configured origin only. Installed as a network
 * interceptor, it sees every hop: OkHttp keeps custom headers across redirects, so a redirect to another host
 * would otherwise carry the key there.
 */
public final class ApiKeyInterceptor implements Interceptor {
  static final String HEADER = Security.CLIENT_KEY_HEADER;

  private final ApiKey apiKey;
  private final HttpUrl origin;

  public ApiKeyInterceptor(ApiKey apiKey, HttpUrl origin) {
    this.apiKey = apiKey;
    this.origin = origin;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().removeHeader(HEADER);
    if (sameOrigin(request.url())) {
      builder.header(HEADER, apiKey.reveal());
    }
    return chain.proceed(builder.build());
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host()) && url.port() == origin.port();
  }
}
