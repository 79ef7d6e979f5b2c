package io.github.unipilechat.internal.spec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path as the spec writes it ({@code /api/v1/chats/{chat_id}/messages}): matched against a request's path segment
 * by segment, and filled in with parameter values. A segment may hold literal text around its {@code {name}}s
 * ({@code {id}.json}); a parameter never spans a {@code /}.
 */
public final class PathTemplate {
  private static final Pattern NAME = Pattern.compile("\\{([^{}/]+)}");

  private final String template;
  private final List<Segment> segments;
  private final List<String> names;
  private final int literalSegments;

  private record Segment(String text, Pattern pattern, List<String> names) {
    boolean literal() {
      return pattern == null;
    }
  }

  private PathTemplate(String template) {
    this.template = template;
    List<Segment> parsed = new ArrayList<>();
    List<String> all = new ArrayList<>();
    int literal = 0;
    for (String text : split(template)) {
      Matcher m = NAME.matcher(text);
      List<String> segmentNames = new ArrayList<>();
      StringBuilder regex = new StringBuilder();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(text.substring(last, m.start()))).append("([^/]+?)");
        segmentNames.add(m.group(1));
        last = m.end();
      }
      if (segmentNames.isEmpty()) {
        parsed.add(new Segment(text, null, List.of()));
        literal++;
      } else {
        regex.append(Pattern.quote(text.substring(last)));
        parsed.add(new Segment(text, Pattern.compile(regex.toString()), List.copyOf(segmentNames)));
        all.addAll(segmentNames);
      }
    }
    this.segments = List.copyOf(parsed);
    this.names = List.copyOf(all);
    this.literalSegments = literal;
  }

  /** The template {@code path} as the spec's {@code paths} key writes it. */
  public static PathTemplate of(String path) {
    return new PathTemplate(path);
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /** The names of its parameters, in the order they appear. */
  public List<String> names() {
    return names;
  }

  /**
   * How literal the template is: more literal segments win when two templates match one path
   * ({@code /users/me} before {@code /users/{identifier}}), as OpenAPI asks.
   */
  public int literalSegments() {
    return literalSegments;
  }

  /**
   * The parameter values if {@code path} (a request's raw, percent-encoded path, without query) fits, decoded.
   *
   * @return the values by name, or null when the path does not fit
   */
  public Map<String, String> match(String path) {
    List<String> parts = split(path);
    if (parts.size() != segments.size()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      Segment segment = segments.get(i);
      String part = parts.get(i);
      if (segment.literal()) {
        if (!segment.text().equals(part)) {
          return null;
        }
        continue;
      }
      Matcher m = segment.pattern().matcher(part);
      if (!m.matches()) {
        return null;
      }
      for (int g = 0; g < segment.names().size(); g++) {
        String value = decode(m.group(g + 1));
        if (value == null || value.isEmpty()) {
          return null;
        }
        values.put(segment.names().get(g), value);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * The path with every {@code {name}} replaced by its value, percent-encoded as one segment (a {@code /} in a value
   * stays inside its segment).
   *
   * @throws IllegalArgumentException when a value is missing or empty
   */
  public String expand(Map<String, String> values) {
    Matcher m = NAME.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("path parameter " + m.group(1) + " has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encodeSegment(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** RFC 3986 segment encoding: unreserved characters and sub-delims kept, everything else as UTF-8 %XX. */
  static String encodeSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String decode(String raw) {
    try {
      // URLDecoder reads '+' as a space, which a path does not: keep it.
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      parts.add(part);
    }
    if (!parts.isEmpty() && parts.get(0).isEmpty()) {
      parts.remove(0);
    }
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1); // a trailing slash is the same path
    }
    return parts;
  }

  @Override
  public String toString() {
    return template;
  }
}
