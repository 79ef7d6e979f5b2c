package io.github.unipilechat.http;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Where the API lives: a full URL, or Unipile's DSN form {@code api8.unipile.com:13851} (always HTTPS). */
public final class BaseUrl {
  private BaseUrl() {}

  /** Parses {@code https://api8.unipile.com:13851} (a trailing path is kept; a trailing slash is added). */
  public static HttpUrl parse(String url, boolean allowInsecureHttp) {
    HttpUrl parsed = HttpUrl.parse(url == null ? "" : url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("baseUrl: not an http(s) URL: '" + url + "'");
    }
    if (parsed.scheme().equals("http") && !allowInsecureHttp && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException("baseUrl: plain http to " + parsed.host()
          + " would send the API key in clear; use https, or allow insecure http explicitly");
    }
    if (!parsed.encodedPath().endsWith("/")) {
      parsed = parsed.newBuilder().addPathSegment("").build();
    }
    return parsed;
  }

  /** {@code api8.unipile.com:13851} → {@code https://api8.unipile.com:13851/}. */
  public static HttpUrl fromDsn(String dsn) {
    String trimmed = dsn == null ? "" : dsn.trim();
    if (trimmed.contains("://") || trimmed.contains("/")) {
      throw new IllegalArgumentException("dsn: expected HOST:PORT such as api8.unipile.com:13851, got '" + dsn + "'");
    }
    HttpUrl parsed = HttpUrl.parse("https://" + trimmed + "/");
    if (parsed == null || trimmed.isEmpty()) {
      throw new IllegalArgumentException("dsn: expected HOST:PORT such as api8.unipile.com:13851, got '" + dsn + "'");
    }
    return parsed;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
  }
}
