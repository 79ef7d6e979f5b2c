package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.github.unipilechat.drift.DriftFinding.Kind;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.internal.text.UntrustedText;
import java.util.List;
import java.util.function.UnaryOperator;

/** Turns the schema engine's messages into findings: where, what the spec says, what came (never a free text). */
final class SchemaFindings {
  private static final int RULE_MAX = 160;

  private SchemaFindings() {}

  static void add(int status, JsonNode body, JsonSchema schema, UnaryOperator<String> scrub, List<DriftFinding> out) {
    for (ValidationMessage message : schema.validate(body)) {
      DriftFinding finding = finding(status, message, scrub);
      if (finding != null && !out.contains(finding)) {
        out.add(finding);
      }
    }
  }

  private static DriftFinding finding(int status, ValidationMessage message, UnaryOperator<String> scrub) {
    String pointer = Shown.pointer(message.getInstanceLocation().toString(), scrub);
    JsonNode instance = message.getInstanceNode();
    switch (message.getType()) {
      case "required":
        return new DriftFinding(status, Kind.MISSING_FIELD,
            Shown.pointer(message.getInstanceLocation() + Shown.segment(message.getProperty()), scrub),
            "a required field", "absent");
      case "enum":
        return new DriftFinding(status, Kind.ENUM_VALUE, pointer, Shown.list(message.getSchemaNode()),
            Shown.value(instance, scrub));
      case "additionalProperties":
        // Reported, once, by UndescribedFields with the rest of the fields the spec does not describe.
        return null;
      case "type":
        return new DriftFinding(status, Kind.BODY_SHAPE, pointer, "type " + (message.getSchemaNode().isTextual() ? message.getSchemaNode().asText() : message.getSchemaNode().toString()),
            Shown.type(instance));
      default:
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        String rule = UntrustedText.oneLine(scrub.apply(colon < 0 ? text : text.substring(colon + 2)), RULE_MAX);
        return new DriftFinding(status, Kind.BODY_SHAPE, pointer, rule, Shown.type(instance));
    }
  }
}
