package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the mock received: the operation it reached (by the spec's {@code operationId}, with its path and query
 * parameters), the decoded body (the request's JSON shape: a form's fields with files as their names, or a JSON body
 * as sent), the files' details, the headers (the API key's value replaced), and what the mock answered.
 *
 * @param operationId the spec's {@code operationId} of the operation reached; empty when none was (404, 405)
 * @param pathParameters the path's values for the template's names, decoded
 * @param queryParameters the query parameters, each name with its values in order
 * @param fields the decoded body; empty when there was none
 * @param files the files of a multipart body (name, type and size; never their contents)
 * @param headers the headers, the key's value replaced
 * @param status the status answered
 * @param violations what the mock found wrong, when it answered 400
 */
public record JournalEntry(String operationId, Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters, ObjectNode fields, List<ReceivedField.File> files,
    Map<String, String> headers, int status, List<Violation> violations) {
  /** Copies everything. */
  public JournalEntry {
    operationId = operationId == null ? "" : operationId;
    pathParameters = Map.copyOf(pathParameters);
    Map<String, List<String>> query = new LinkedHashMap<>();
    queryParameters.forEach((name, values) -> query.put(name, List.copyOf(values)));
    queryParameters = java.util.Collections.unmodifiableMap(query);
    fields = fields.deepCopy();
    files = List.copyOf(files);
    headers = Map.copyOf(headers);
    violations = List.copyOf(violations);
  }

  /** An entry without the operation's names (as the mock journaled start-chat requests before it served others). */
  public JournalEntry(ObjectNode fields, List<ReceivedField.File> files, Map<String, String> headers, int status,
      List<Violation> violations) {
    this("", Map.of(), Map.of(), fields, files, headers, status, violations);
  }

  @Override
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  /** The text of a top-level field, e.g. {@code account_id}, or null. */
  public String text(String field) {
    return fields.hasNonNull(field) ? fields.get(field).asText() : null;
  }

  /** The first value of query parameter {@code name}, or null. */
  public String query(String name) {
    List<String> values = queryParameters.getOrDefault(name, new ArrayList<>());
    return values.isEmpty() ? null : values.get(0);
  }
}
