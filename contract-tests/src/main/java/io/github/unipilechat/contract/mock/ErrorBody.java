package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The spec's error answer, {@code {title, detail, instance, type, status}}, for every error the mock sends: from
 * its route, from its "no such route" answers and from Jetty's own refusals. The type is the one meant when the spec
 * documents it for the status (or documents none), else the status's first documented type, so every error stays
 * spec-valid after the provider renames one.
 */
final class ErrorBody {
  static final String MALFORMED = "errors/malformed_request";
  static final String TOO_LARGE = "errors/content_too_large";
  static final String NOT_FOUND = "errors/resource_not_found";
  static final String NOT_IMPLEMENTED = "errors/feature_not_implemented";
  static final String UNEXPECTED = "errors/unexpected_error";
  /** Builds the answers' JSON trees; not a whole ObjectMapper, whose set-up the mock's start would wait for. */
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ErrorBody() {}

  /**
   * The body of an error answer; {@code instance} is left out when null (the mock never copies the request's own
   * path there: it names the document's path, or nothing).
   */
  static ObjectNode of(SpecValidator spec, int status, String wanted, String detail, String instance) {
    return of(spec, null, status, wanted, detail, instance);
  }

  /**
   * The body of an error answer to the operation {@code operationId} (its own documented types); with none (a request
   * no operation takes), the start-chat operation's, as before the mock served others.
   */
  static ObjectNode of(SpecValidator spec, String operationId, int status, String wanted, String detail,
      String instance) {
    ObjectNode body = JSON.objectNode()
        .put("title", title(status))
        .put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    return body.put("type", type(spec, operationId, status, wanted)).put("status", status);
  }

  /** The spec's type for {@code status}: {@code wanted} if it lists it or lists none, else its first. */
  static String type(SpecValidator spec, String operationId, int status, String wanted) {
    List<String> types = (operationId == null ? spec.errorTypes() : spec.errorTypes(operationId))
        .getOrDefault(status, List.of());
    return types.contains(wanted) || types.isEmpty() ? wanted : types.get(0);
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "Error " + status : known.getMessage();
  }
}
