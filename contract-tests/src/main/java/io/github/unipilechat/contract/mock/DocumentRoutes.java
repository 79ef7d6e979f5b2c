package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which route a request names, by the document's {@code paths} alone: an operation the document has, a path it has
 * with other methods only, or no path of it. Templates match by segment ({@code /chats/{chat_id}} matches
 * {@code /chats/abc}); one trailing slash is ignored, as Javalin's router does. The one place the mock decides
 * "no such path" (404) against "no such method for this path" (405, with the methods it has).
 */
final class DocumentRoutes {
  /** OpenAPI 3's operation keys (the format's, not the provider's); {@code parameters}, {@code summary}... are not methods. */
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern PARAMETER = Pattern.compile("\\{[^{}/]+}");

  private final List<Template> templates;

  private DocumentRoutes(List<Template> templates) {
    this.templates = templates;
  }

  /** The routes of {@code document}'s {@code paths}, in the document's order. */
  static DocumentRoutes of(JsonNode document) {
    List<Template> templates = new ArrayList<>();
    document.path("paths").properties().forEach(path -> {
      List<String> methods = new ArrayList<>();
      path.getValue().fieldNames().forEachRemaining(key -> {
        if (METHODS.contains(key.toLowerCase(Locale.ROOT))) {
          methods.add(key.toUpperCase(Locale.ROOT));
        }
      });
      if (!methods.isEmpty()) { // a path with no operation (only parameters, say) routes nothing
        templates.add(Template.of(path.getKey(), List.copyOf(methods)));
      }
    });
    return new DocumentRoutes(List.copyOf(templates));
  }

  /** What the document has for {@code method} on {@code path} (the request's path, without its query). */
  Match match(String method, String path) {
    List<String> given = segments(path);
    Set<String> allowed = new LinkedHashSet<>();
    boolean pathKnown = false;
    for (Template template : templates) {
      if (template.matches(given)) {
        pathKnown = true;
        if (template.methods().contains(method.toUpperCase(Locale.ROOT))) {
          return new Match(Kind.OPERATION, List.of());
        }
        allowed.addAll(template.methods());
      }
    }
    return pathKnown ? new Match(Kind.NO_SUCH_METHOD, List.copyOf(allowed)) : new Match(Kind.NO_SUCH_PATH, List.of());
  }

  private static List<String> segments(String path) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return List.of(trimmed.split("/", -1));
  }

  /** The answer to "which route": {@code allowed} lists the document's methods for the path when the method is not one. */
  record Match(Kind kind, List<String> allowed) {}

  /** The three cases the mock answers differently. */
  enum Kind {
    /** The document has this method on this path. */
    OPERATION,
    /** The document has the path, with other methods only. */
    NO_SUCH_METHOD,
    /** No path of the document matches. */
    NO_SUCH_PATH
  }

  /**
   * One path of the document, a pattern per segment: {@code {name}} matches one or more characters of one segment
   * ({@code {id}}, {@code {id}.json}), the rest literally.
   */
  private record Template(List<Pattern> segments, List<String> methods) {
    static Template of(String path, List<String> methods) {
      List<Pattern> segments = new ArrayList<>();
      for (String segment : DocumentRoutes.segments(path)) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(segment);
        int literalFrom = 0;
        while (parameter.find()) {
          regex.append(Pattern.quote(segment.substring(literalFrom, parameter.start()))).append("[^/]+");
          literalFrom = parameter.end();
        }
        segments.add(Pattern.compile(regex.append(Pattern.quote(segment.substring(literalFrom))).toString()));
      }
      return new Template(List.copyOf(segments), methods);
    }

    boolean matches(List<String> given) {
      if (given.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < segments.size(); i++) {
        if (!segments.get(i).matcher(given.get(i)).matches()) {
          return false;
        }
      }
      return true;
    }
  }
}
