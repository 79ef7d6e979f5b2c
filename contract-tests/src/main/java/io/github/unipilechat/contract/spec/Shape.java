package io.github.unipilechat.contract.spec;

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
 * What the OpenAPI layer's checks read of a request once its schema levels are off: the query parameters there (each
 * value only as empty or not), the headers it looks at (credentials as present or not, {@code Authorization}'s
 * scheme word, declared header parameters as empty or not, {@code Content-Type} without its boundary, {@code Accept},
 * cookie names), and whether a body is there. Two requests of one shape get one verdict.
 *
 * @param key the shape as text, or null when it is too long to keep (then it is judged every time)
 */
record Shape(String key, Map<String, List<String>> query, Map<String, List<String>> headers, boolean hasBody) {
  /** Longer shapes (hundreds of query names, a huge Accept) are judged each time rather than kept. */
  private static final int MAX_KEY = 4096;
  private static final Pattern BOUNDARY = Pattern.compile("(?i)(boundary=)(\"[^\"]*\"|[^;]*)");

  static Shape of(Operation operation, ReceivedRequest request, boolean hasBody, JsonNode document) {
    StringBuilder key = new StringBuilder(operation.id()).append('\n').append(hasBody).append('\n');
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : request.query()) {
      query.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue().trim().isEmpty() ? "" : "v");
    }
    query.forEach((name, values) -> key.append(name).append('=').append(values).append('&'));
    key.append('\n');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Set<String> read = operation.derived(Shape.class, op -> read(op, document));
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (!read.contains(name) || headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
        continue;
      }
      List<String> shown = new ArrayList<>();
      for (String value : header.getValue()) {
        shown.add(shown(name, value));
      }
      headers.put(name, shown);
      key.append(name.toLowerCase(Locale.ROOT)).append(':').append(shown).append('\n');
    }
    return new Shape(key.length() > MAX_KEY ? null : key.toString(), query, headers, hasBody);
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
