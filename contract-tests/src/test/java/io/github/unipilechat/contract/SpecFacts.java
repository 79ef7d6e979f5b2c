package io.github.unipilechat.contract;

import io.github.unipilechat.contract.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;

/** What tests expect, read from the bundled spec rather than written down, so they hold when the provider grows it. */
public final class SpecFacts {
  private SpecFacts() {}

  /** The rule text for an {@code api} value no LinkedIn shape declares: every shape's value, in the spec's order. */
  public static String unknownApiRule() {
    List<String> apis = new ArrayList<>();
    SpecValidator.bundled().document()
        .at("/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema/properties/linkedin/anyOf")
        .forEach(shape -> shape.at("/properties/api/enum").forEach(api -> apis.add(api.asText())));
    return "must be one of " + apis;
  }

  /** What the message for an undocumented status lists: every status of the operation, in the spec's order. */
  public static String documentedStatuses() {
    return "(documented: " + String.join(", ", SpecValidator.bundled().documentedStatuses()) + ")";
  }

  /** The {@code type} values the start-chat operation documents for {@code status}, in the spec's order. */
  public static List<String> errorTypes(int status) {
    List<String> types = new ArrayList<>();
    SpecValidator.bundled().document().at("/paths/~1api~1v1~1chats/post/responses/" + status + "/content")
        .forEach(media -> media.at("/schema/properties/type/enum").forEach(type -> types.add(type.asText())));
    return types;
  }
}
