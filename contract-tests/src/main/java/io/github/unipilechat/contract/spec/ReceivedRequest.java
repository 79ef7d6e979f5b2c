package io.github.unipilechat.contract.spec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of an HTTP request the document speaks of above its body: method, path, query and headers, as a server
 * (the mock) or a pact gives them. The body travels beside it, decoded ({@link SpecValidator#validateRequest}).
 *
 * @param method the method, upper case
 * @param rawPath the path as sent, percent-encoded, without the query
 * @param query the query parameters in order, decoded, a repeated name once per value
 * @param headers the headers by name as sent, each with its values
 */
public record ReceivedRequest(String method, String rawPath, List<Map.Entry<String, String>> query,
    Map<String, List<String>> headers) {
  /** Copies everything. */
  public ReceivedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    query = List.copyOf(query);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * A request from its method, its path with or without a {@code ?query}, and its headers.
   *
   * @param pathAndQuery e.g. {@code /api/v1/chats?limit=10&cursor=a%20b}
   */
  public static ReceivedRequest of(String method, String pathAndQuery, Map<String, List<String>> headers) {
    String target = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    return new ReceivedRequest(method, path, question < 0 ? List.of() : query(target.substring(question + 1)), headers);
  }

  /**
   * The parameters of a query string ({@code a=1&b=x%20y&a=2}), decoded as forms are ({@code +} is a space), in
   * order; a name without {@code =} has an empty value, and text that does not decode is kept as sent.
   */
  public static List<Map.Entry<String, String>> query(String rawQuery) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return entries;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      entries.add(new AbstractMap.SimpleImmutableEntry<>(decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1))));
    }
    return entries;
  }

  /** The first value of header {@code name}, compared without regard to case as HTTP does. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0)).findFirst();
  }

  /** The {@code Content-Type}, or null. */
  public String contentType() {
    return header("Content-Type").orElse(null);
  }

  /** The headers with one value each (the first), for checks that read one value per name. */
  public Map<String, String> firstHeaderValues() {
    Map<String, String> first = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (!values.isEmpty()) {
        first.putIfAbsent(name, values.get(0));
      }
    });
    return first;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
