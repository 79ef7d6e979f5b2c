package io.github.unipilechat.internal.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Where the API lives: a full URL, or Unipile's DSN form {@code api8.unipile.com:13851} (always HTTPS). */
public final class BaseUrl {
  private static final Pattern IPV4_LITERAL = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");

  private BaseUrl() {}

  /** Parses {@code https://api8.unipile.com:13851} (a trailing path is kept; a trailing slash is added). */
  public static HttpUrl parse(String url, boolean allowInsecureHttp) {
    HttpUrl parsed = HttpUrl.parse(url == null ? "" : url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("baseUrl: not an http(s) URL: '" + withoutUserInfo(url) + "'");
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

  /** {@code https://api8.unipile.com:13851/api/}: scheme, host, port and path, never user info or a query. */
  public static String display(HttpUrl url) {
    return url.scheme() + "://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":" + url.port()
        + url.encodedPath();
  }

  /** {@code api8.unipile.com:13851} → {@code https://api8.unipile.com:13851/}. */
  public static HttpUrl fromDsn(String dsn) {
    String trimmed = dsn == null ? "" : dsn.trim();
    if (trimmed.contains("://") || trimmed.contains("/")) {
      throw new IllegalArgumentException("dsn: expected HOST:PORT such as api8.unipile.com:13851, got '"
          + withoutUserInfo(dsn) + "'");
    }
    HttpUrl parsed = HttpUrl.parse("https://" + trimmed + "/");
    if (parsed == null || trimmed.isEmpty()) {
      throw new IllegalArgumentException("dsn: expected HOST:PORT such as api8.unipile.com:13851, got '" + withoutUserInfo(dsn) + "'");
    }
    return parsed;
  }

  /**
   * A literal loopback address (127.0.0.0/8, ::1) or exactly {@code localhost}. Never a prefix test: a name
   * such as {@code 127.attacker.example} or {@code localhost.attacker.example} resolves wherever its owner wants.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!IPV4_LITERAL.matcher(h).matches() && !(h.contains(":") && IPV6_LITERAL.matcher(h).matches())) {
      return false; // a name: InetAddress would resolve it
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The URL as it may be shown: a password (or any user info) replaced. */
  static String withoutUserInfo(String url) {
    return url == null ? null : url.replaceAll("(?<=//)[^/?#]*@", "***@");
  }
}
