package io.github.unipilechat.contract.multipart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.spec.Violation;
import java.util.List;

/**
 * A multipart body in the request's JSON shape, plus what the shape cannot show: fields sent in the wrong form
 * (a file where text belongs, {@code linkedin} as one JSON part, a name the spec does not know).
 *
 * <p>Files appear in {@code fields} as their file name, which is what a {@code format: binary} string validates
 * as; {@code files} keeps their details.
 */
public record DecodedRequest(ObjectNode fields, List<ReceivedField.File> files, List<Violation> formViolations) {
  public DecodedRequest {
    files = List.copyOf(files);
    formViolations = List.copyOf(formViolations);
  }
}
