package io.github.unipilechat.internal.spec;

import java.util.List;
import java.util.Map;

/** Which operation of the document a request's method and path reach: one, none for that method, or none. */
public sealed interface OperationMatch {
  /**
   * The operation, with its path parameters read from the path (decoded).
   *
   * @param operation the operation
   * @param pathParameters by name
   */
  record Found(Operation operation, Map<String, String> pathParameters) implements OperationMatch {}

  /**
   * The path is the document's, the method is not: HTTP's 405.
   *
   * @param allowed the methods the path has, upper case, in the spec's order
   */
  record MethodNotAllowed(List<String> allowed) implements OperationMatch {}

  /** No path of the document fits: HTTP's 404. */
  record NotFound() implements OperationMatch {}
}
