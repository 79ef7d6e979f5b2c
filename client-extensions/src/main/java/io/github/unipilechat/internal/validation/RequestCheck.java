package io.github.unipilechat.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.ValidationMessage;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.internal.form.FieldNames;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SchemaEngine;
import io.github.unipilechat.internal.spec.SpecModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request rules of one spec, on the project's one schema engine (networknt, draft 4 as OpenAPI 3.0 uses): the
 * client checks what it is about to send with it, and the contract kit what its decoder read off the wire, so one
 * broken rule reads the same in the client's refusal, the mock's 400 and {@code verify-pact}. A few rules the spec
 * states only in prose (no blank ids, real IANA time zones) are added by hand.
 *
 * <p>Findings come in two kinds ({@link Violation.Kind}); callers that accept what the spec does not describe drop
 * the {@code NOT_DESCRIBED} ones. Schemas are compiled once per anyOf branch combination and kept.
 */
public final class RequestCheck {
  private static final String LINKEDIN = "linkedin";
  private static final JsonSchemaFactory FACTORY = SchemaEngine.draft4(factory -> { });

  private final FormSchema form;
  private final boolean bracketNames;
  private final JsonNode withoutFiles;
  private final JsonNode linkedInSchema;
  // Keyed by the anyOf branches taken, which alone decide the resolved schema: hashing and comparing the
  // resolved schema itself cost more than validating with it. Bounded by the spec's branch combinations.
  private final Map<String, JsonSchema> formByBranches = new ConcurrentHashMap<>();
  private final Map<String, JsonSchema> linkedInByBranches = new ConcurrentHashMap<>();

  /** The request rules of {@code operation}'s body, compiled on first use and kept with the operation. */
  public static RequestCheck of(SpecModel spec, Operation operation) {
    return operation.derived(RequestCheck.class, op -> new RequestCheck(FormSchema.of(spec, op),
        op.body().map(Operation.Body::isMultipart).orElse(false)));
  }

  /**
   * @param form the body's fields
   * @param bracketNames whether the body travels as a multipart form, whose keys become bracket names: then a key
   *     holding a bracket or a control character is refused
   */
  RequestCheck(FormSchema form, boolean bracketNames) {
    this.bracketNames = bracketNames;
    this.form = form;
    this.withoutFiles = withoutFiles(form);
    this.linkedInSchema = form.field(LINKEDIN).map(FormField::schema).orElse(null);
  }

  /**
   * Every finding for a whole request: {@code request} holds every non-file field shaped as the spec's JSON (text
   * fields as strings, or the number/boolean their schema asks for; arrays; objects), and {@code filesGiven} names
   * the file fields that carry at least one file (their presence is all JSON can say).
   *
   * @return the findings, rules and not-described ones, in the order found; empty when the request conforms
   */
  public List<Violation> check(ObjectNode request, Set<String> filesGiven) {
    List<Violation> violations = new ArrayList<>();
    AnyOfResolver.Choices choices = AnyOfResolver.choose(withoutFiles, request, "", violations);
    JsonSchema schema = formByBranches.computeIfAbsent(choices.key(),
        key -> FACTORY.getSchema(choices.apply(withoutFiles)));
    validate(schema, request, "", violations);
    for (FormField field : form.fields()) {
      if (field.required() && field.kind().isFile() && !filesGiven.contains(field.name())) {
        violations.add(new Violation(field.name(), "is required"));
      }
    }
    // The spec says in prose that ids and texts carry something: a value of only spaces or line breaks reads as
    // absent to the provider, so it is refused like a missing one (an empty value is not sent at all).
    for (FormField field : form.fields()) {
      JsonNode value = request.path(field.name());
      if (field.kind() == FormField.Kind.TEXT && value.isTextual() && !value.asText().isEmpty()
          && value.asText().isBlank()) {
        violations.add(new Violation(field.name(), "must not be blank"));
      }
      if (field.kind() == FormField.Kind.TEXT_ARRAY) {
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i).isTextual() && value.get(i).asText().isBlank()) {
            violations.add(new Violation(field.name() + "[" + i + "]", "must not be blank"));
          }
        }
      }
    }
    checkKeys(request, "", violations);
    return violations;
  }

  /** Every finding for options shaped like the spec's {@code linkedin} field, paths under {@code linkedin}. */
  public List<Violation> checkLinkedIn(JsonNode linkedIn) {
    List<Violation> violations = new ArrayList<>();
    if (linkedInSchema == null) {
      violations.add(new Violation(LINKEDIN, "is not a field of this spec's form"));
      return violations;
    }
    AnyOfResolver.Choices choices = AnyOfResolver.choose(linkedInSchema, linkedIn, LINKEDIN, violations);
    if (choices.fits(linkedInSchema)) {
      JsonSchema schema = linkedInByBranches.computeIfAbsent(choices.key(),
          key -> FACTORY.getSchema(choices.apply(linkedInSchema)));
      validate(schema, linkedIn, LINKEDIN, violations);
    }
    checkKeys(linkedIn, LINKEDIN, violations);
    return violations;
  }

  /** Only the findings a caller must refuse: all of them, or with {@code acceptNotDescribed} the stated rules only. */
  public static List<Violation> refused(List<Violation> findings, boolean acceptNotDescribed) {
    return acceptNotDescribed
        ? findings.stream().filter(v -> v.kind() == Violation.Kind.RULE).toList()
        : findings;
  }

  private static void validate(JsonSchema schema, JsonNode instance, String root, List<Violation> violations) {
    for (ValidationMessage message : schema.validate(instance)) {
      violations.add(toViolation(message, root));
    }
  }

  private static Violation toViolation(ValidationMessage message, String root) {
    String location = message.getInstanceLocation().toString();
    String path = location.startsWith("$.") ? location.substring(2) : location.startsWith("$") ? location.substring(1) : location;
    String field = AnyOfResolver.join(root, path);
    if ("required".equals(message.getType())) {
      return new Violation(AnyOfResolver.join(field, message.getProperty()), "is required");
    }
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    return new Violation(field.isEmpty() ? "request" : field, colon < 0 ? text : text.substring(colon + 2));
  }

  /**
   * The rules of every key, at any depth: in a multipart form no bracket or control character in it (see
   * {@link FieldNames}), and a {@code timezone} that is a real IANA zone. One walk for both: most requests hold a handful of keys.
   */
  private void checkKeys(JsonNode node, String field, List<Violation> violations) {
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String refusal = bracketNames ? FieldNames.refusal(key) : null;
      if (refusal != null) {
        violations.add(new Violation(AnyOfResolver.join(field, FieldNames.shown(key)), refusal));
        continue;
      }
      if (key.equals("timezone") && value.isTextual() && !Zones.IDS.contains(value.asText())) {
        violations.add(new Violation(AnyOfResolver.join(field, key),
            "must be an IANA time zone such as Europe/Paris, not '" + value.asText() + "'"));
      }
      if (value.isObject()) {
        checkKeys(value, AnyOfResolver.join(field, key), violations);
      } else if (value.isArray()) {
        for (JsonNode element : value) {
          if (element.isObject()) {
            checkKeys(element, AnyOfResolver.join(field, key), violations);
          }
        }
      }
    }
  }

  /** Files are checked as files (present or not); the rest of the schema, $refs resolved at the top, stays. */
  private static JsonNode withoutFiles(FormSchema form) {
    ObjectNode schema = ((ObjectNode) form.schema()).deepCopy();
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (FormField field : form.fields()) {
      if (!field.kind().isFile()) {
        properties.set(field.name(), field.schema());
        if (field.required()) {
          required.add(field.name());
        }
      }
    }
    return schema;
  }

  /** Read on the first request with a time zone (most have none): loading the zone database is not free. */
  private static final class Zones {
    // Copied once: ZoneId hands out a fresh copy of its ~600 ids on every call.
    static final Set<String> IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
  }
}
