package io.github.unipilechat.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the OpenAPI layer's checks read of a request once its schema levels are off: the operation's path with each
 * path parameter given or empty, the query parameters there (each value only as empty or not), the headers it looks at (credentials as present or not, {@code Authorization}'s
 * scheme word, declared header parameters as empty or not, {@code Content-Type} without its boundary, {@code Accept},
 * cookie names), and whether a body is there. Two requests of one shape get one verdict.
 *
 * @param key the shape as text, or null when it is too long to keep (then it is judged every time)
 */
record RequestShape(String key, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
    boolean hasBody) {
  /** Longer shapes (hundreds of query names, a huge Accept) are judged each time rather than kept. */
  private static final int MAX_KEY = 4096;
  private static final Pattern BOUNDARY = Pattern.compile("(?i)(boundary=)(\"[^\"]*\"|[^;]*)");

  static RequestShape of(Operation operation, Map<String, String> pathValues, List<Map.Entry<String, String>> query,
      Map<String, List<String>> requestHeaders, boolean hasBody, JsonNode document) {
    String path = path(operation, pathValues);
    StringBuilder key = new StringBuilder();
    field(field(key, operation.id()).append(hasBody), path).append('\n');
    Map<String, List<String>> queryShape = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : query) {
      queryShape.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue().trim().isEmpty() ? "" : "v");
    }
    queryShape.forEach((name, values) -> field(key, name).append(values.size()).append(values));
    key.append('\n');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Set<String> read = operation.derived(RequestShape.class, op -> read(op, document));
    for (Map.Entry<String, List<String>> header : requestHeaders.entrySet()) {
      String name = header.getKey();
      if (!read.contains(name) || headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
        continue;
      }
      List<String> shown = new ArrayList<>();
      for (String value : header.getValue()) {
        shown.add(shown(name, value));
      }
      headers.put(name, shown);
      field(key, name.toLowerCase(Locale.ROOT)).append(shown.size());
      shown.forEach(value -> field(key, value));
    }
    return new RequestShape(key.length() > MAX_KEY ? null : key.toString(), path, queryShape, headers, hasBody);
  }

  /**
   * The key of a request the client sends for {@code operation} ({@link OpenApiLayer#sending}): what varies between
   * two such requests as the layer sees them. The credential is always the same, so it is left out; with no path,
   * query or header parameter the key is the content type alone, and a request builds nothing.
   *
   * @return null when too long to keep
   */
  static String sentKey(Operation operation, Map<String, String> pathValues, List<Map.Entry<String, String>> query,
      Map<String, String> headerParameters, String contentType, boolean hasBody) {
    String body = contentType != null ? contentType : hasBody ? "(untyped body)" : "(no body)";
    List<String> names = operation.path().names();
    if (names.isEmpty() && query.isEmpty() && headerParameters.isEmpty()) {
      return body;
    }
    StringBuilder key = field(new StringBuilder(64), body);
    for (String name : names) {
      String value = pathValues.get(name);
      key.append(value != null && !value.trim().isEmpty() ? '1' : '0');
    }
    key.append('\n');
    for (Map.Entry<String, String> entry : query) {
      field(key, entry.getKey()).append(entry.getValue().trim().isEmpty() ? '0' : '1');
      if (key.length() > MAX_KEY) {
        return null;
      }
    }
    key.append('\n');
    for (Map.Entry<String, String> header : headerParameters.entrySet()) {
      field(field(key, header.getKey()), shown(header.getKey(), header.getValue()));
      if (key.length() > MAX_KEY) {
        return null;
      }
    }
    return key.toString();
  }

  /**
   * Appends {@code text} with its length before it: names and values are the sender's text (a pact's, a hostile
   * request's), so no text can end one field and forge the next ({@code a=v&b}, an {@code Accept} holding a line
   * break and a key header) and make two requests of different shapes share one verdict.
   */
  private static StringBuilder field(StringBuilder key, String text) {
    return key.append(text.length()).append(':').append(text);
  }

  /**
   * The operation's path template with each path parameter as given or empty: a given one keeps its own
   * {@code {name}} (a segment no literal path of the document can have, so the library finds this operation again),
   * an empty or missing one becomes an empty segment, which the library reports as a missing parameter.
   */
  private static String path(Operation operation, Map<String, String> pathValues) {
    String template = operation.path().template();
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder path = new StringBuilder(template.length());
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        path.append(template, at, template.length());
        break;
      }
      path.append(template, at, open);
      String value = pathValues.get(template.substring(open + 1, close));
      if (value != null && !value.trim().isEmpty()) {
        path.append(template, open, close + 1);
      }
      at = close + 1;
    }
    return path.toString();
  }

  /**
   * The headers the layer reads for {@code operation} (its declared header parameters, credentials, content type,
   * {@code Accept}, cookies), compared without regard to case; kept with the operation.
   */
  private static Set<String> read(Operation operation, JsonNode document) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.add("Content-Type");
    names.add("Accept");
    names.add("Authorization");
    names.add("Cookie");
    for (Parameter parameter : operation.parameters()) {
      if (parameter.in() == Parameter.In.HEADER) {
        names.add(parameter.name());
      }
    }
    document.path("components").path("securitySchemes").forEach(scheme -> {
      if ("header".equals(scheme.path("in").asText()) && scheme.path("name").isTextual()) {
        names.add(scheme.path("name").asText());
      }
    });
    return java.util.Collections.unmodifiableSet(names);
  }

  /** A header value as its shape: only what the layer's checks look at. */
  private static String shown(String name, String value) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "content-type":
        return BOUNDARY.matcher(value).replaceAll("$1b");
      case "accept":
        return value;
      case "authorization": {
        int space = value.indexOf(' ');
        return space < 0 ? (value.isEmpty() ? "" : "v") : value.substring(0, space + 1) + "v";
      }
      case "cookie": {
        List<String> cookies = new ArrayList<>();
        for (String cookie : value.split("; ")) {
          int eq = cookie.indexOf('=');
          cookies.add(eq <= 0 ? cookie : cookie.substring(0, eq) + (cookie.substring(eq + 1).isBlank() ? "=" : "=v"));
        }
        return String.join("; ", cookies);
      }
      default:
        return value.trim().isEmpty() ? "" : "v";
    }
  }
}
