package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.DriftFinding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Compares one answer with what the spec documents: status, then content type, then the body. */
public final class ResponseChecker {
  /** Findings kept per answer: a hostile body cannot make the log or an exception message unbounded. */
  public static final int MAX_FINDINGS = 32;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResponseChecker() {}

  /**
   * @param contentType the answer's {@code Content-Type}, or null
   * @param json the body already parsed, or null to parse {@code body}
   * @param body the body as text (used when {@code json} is null)
   * @param scrub removes the API key from anything shown
   */
  public static List<DriftFinding> check(ResponseSpec spec, int status, String contentType, JsonNode json,
      String body, UnaryOperator<String> scrub) {
    List<DriftFinding> out = new ArrayList<>();
    Map<String, ResponseSpec.Media> content = spec.response(status).orElse(null);
    if (content == null) {
      out.add(new DriftFinding(status, Kind.UNDOCUMENTED_STATUS, "", "one of " + spec.statuses(),
          Integer.toString(status)));
      return out;
    }
    if (content.isEmpty()) {
      if (json != null || (body != null && !body.isBlank())) {
        out.add(new DriftFinding(status, Kind.BODY_SHAPE, "", "no body", "a body"));
      }
      return out;
    }
    ResponseSpec.Media media = MediaTypes.match(content, contentType);
    if (media == null) {
      out.add(new DriftFinding(status, Kind.CONTENT_TYPE, "", String.join(" or ", content.keySet()),
          contentType == null ? "no Content-Type" : Shown.text(contentType, scrub)));
      media = MediaTypes.soleJson(content);
      if (media == null) {
        return out;
      }
    }
    if (!MediaTypes.isJson(media.type())) {
      return out;
    }
    JsonNode parsed = json != null ? json : parse(body);
    if (parsed == null) {
      out.add(new DriftFinding(status, Kind.BODY_SHAPE, "", "a JSON body",
          body == null || body.isBlank() ? "an empty body" : "a body that is not JSON"));
      return out;
    }
    SchemaFindings.add(status, parsed, media.compiled(), scrub, out);
    UndescribedFields.add(status, spec.document(), media.schema(), parsed, scrub, MAX_FINDINGS, out);
    return out.size() > MAX_FINDINGS ? List.copyOf(out.subList(0, MAX_FINDINGS)) : out;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (Exception e) {
      return null;
    }
  }

  /** Media types compared as type/subtype, case-insensitively, parameters ignored; spec wildcards honoured. */
  static final class MediaTypes {
    private MediaTypes() {}

    static ResponseSpec.Media match(Map<String, ResponseSpec.Media> content, String contentType) {
      if (contentType == null) {
        return null;
      }
      String actual = essence(contentType);
      for (ResponseSpec.Media media : content.values()) {
        String documented = essence(media.type());
        if (documented.equals(actual) || documented.equals("*/*")
            || (documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1)))) {
          return media;
        }
      }
      return null;
    }

    static ResponseSpec.Media soleJson(Map<String, ResponseSpec.Media> content) {
      List<ResponseSpec.Media> json = content.values().stream().filter(m -> isJson(m.type())).toList();
      return json.size() == 1 ? json.get(0) : null;
    }

    static boolean isJson(String type) {
      String essence = essence(type);
      return essence.equals("application/json") || essence.endsWith("+json");
    }

    private static String essence(String type) {
      int semicolon = type.indexOf(';');
      return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
  }
}
