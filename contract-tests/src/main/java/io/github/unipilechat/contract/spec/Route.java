package io.github.unipilechat.contract.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a request's method and path lead in the document ({@link SpecValidator#route}): one operation, a path that
 * has other methods only (HTTP's 405), or no path at all (404).
 */
public sealed interface Route {
  /**
   * The operation the request reaches.
   *
   * @param operationId the spec's {@code operationId} ({@code ChatsController_sendMessageInChat})
   * @param method the operation's method, upper case
   * @param pathTemplate the path as the spec writes it ({@code /api/v1/chats/{chat_id}/messages})
   * @param pathParameters the values the request's path gives the template's names, decoded
   */
  record Found(String operationId, String method, String pathTemplate, Map<String, String> pathParameters)
      implements Route {
    /** Copies the parameters. */
    public Found {
      Objects.requireNonNull(operationId, "operationId");
      pathParameters = Map.copyOf(pathParameters);
    }

    /** {@code POST /api/v1/chats/{chat_id}/messages}. */
    @Override
    public String toString() {
      return method + " " + pathTemplate;
    }
  }

  /**
   * The path is the document's, the method is not.
   *
   * @param allowed the methods the path has, upper case
   */
  record MethodNotAllowed(List<String> allowed) implements Route {
    /** Copies the list. */
    public MethodNotAllowed {
      allowed = List.copyOf(allowed);
    }
  }

  /** No path of the document fits. */
  record NotFound() implements Route {}
}
