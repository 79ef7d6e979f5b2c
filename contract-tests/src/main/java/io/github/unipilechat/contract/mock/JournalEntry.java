package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.Violation;
import java.util.List;
import java.util.Map;

/**
 * One request the mock received: the decoded fields (the request's JSON shape, files as their names), the files'
 * details, the headers (the API key's value replaced), and what the mock answered.
 */
public record JournalEntry(
    ObjectNode fields, List<ReceivedField.File> files, Map<String, String> headers, int status, List<Violation> violations) {
  public JournalEntry {
    fields = fields.deepCopy();
    files = List.copyOf(files);
    headers = Map.copyOf(headers);
    violations = List.copyOf(violations);
  }

  @Override
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  /** The text of a top-level field, e.g. {@code account_id}, or null. */
  public String text(String field) {
    return fields.hasNonNull(field) ? fields.get(field).asText() : null;
  }
}
