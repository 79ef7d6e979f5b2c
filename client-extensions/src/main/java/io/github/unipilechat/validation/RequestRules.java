package io.github.unipilechat.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.form.Branches;
import io.github.unipilechat.form.FormField;
import io.github.unipilechat.form.FormSchema;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a start-chat request against the provider's own schema before anything is sent, so a constraint
 * the provider adds upstream is enforced after a rebuild. A few rules the spec states only in prose
 * (no blank ids, real IANA time zones) are added by hand.
 */
public final class RequestRules {
  private static final String LINKEDIN = "linkedin";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final FormSchema FORM = FormSchema.provider();
  private static final JsonNode WITHOUT_FILES = withoutFiles(FORM);
  private static final JsonNode LINKEDIN_SCHEMA = FORM.field(LINKEDIN).map(FormField::schema).orElse(null);
  // Keyed by the anyOf branches taken, which alone decide the resolved schema: hashing and comparing the
  // resolved schema itself cost more than validating with it. Bounded by the spec's branch combinations.
  private static final Map<String, JsonSchema> FORM_BY_BRANCHES = new ConcurrentHashMap<>();
  private static final Map<String, JsonSchema> LINKEDIN_BY_BRANCHES = new ConcurrentHashMap<>();
  // Copied once: ZoneId hands out a fresh copy of its ~600 ids on every call.
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private RequestRules() {}

  /**
   * Checks a whole request against the spec's form schema: {@code form} holds every non-file field shaped as the
   * spec's JSON (text fields as strings, or the number/boolean their schema asks for; arrays; objects), and
   * {@code filesGiven} names the file fields that carry at least one file (their presence is all JSON can say).
   *
   * @throws InvalidRequestException naming every broken rule
   */
  public static void check(ObjectNode form, Set<String> filesGiven) {
    List<Violation> violations = new ArrayList<>();
    AnyOfResolver.Choices choices = AnyOfResolver.choose(WITHOUT_FILES, form, "", violations);
    JsonSchema schema = FORM_BY_BRANCHES.computeIfAbsent(choices.key(),
        key -> FACTORY.getSchema(choices.apply(WITHOUT_FILES)));
    validate(schema, form, "", violations);
    unknownProperties(WITHOUT_FILES, form, "", violations);
    for (FormField field : FORM.fields()) {
      if (field.required() && field.kind().isFile() && !filesGiven.contains(field.name())) {
        violations.add(new Violation(field.name(), "is required"));
      }
    }
    String accountId = form.path("account_id").asText();
    if (!accountId.isEmpty() && accountId.isBlank()) {
      violations.add(new Violation("account_id", "must not be blank"));
    }
    JsonNode attendees = form.path("attendees_ids");
    for (int i = 0; i < attendees.size(); i++) {
      if (attendees.get(i).asText().isBlank()) {
        violations.add(new Violation("attendees_ids[" + i + "]", "must not be blank"));
      }
    }
    checkTimeZones(form, "", violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /** Checks options shaped like the spec's {@code linkedin} field. */
  public static void checkLinkedIn(JsonNode linkedIn) {
    List<Violation> violations = new ArrayList<>();
    linkedInViolations(linkedIn, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static void linkedInViolations(JsonNode linkedIn, List<Violation> violations) {
    if (LINKEDIN_SCHEMA == null) {
      violations.add(new Violation(LINKEDIN, "is not a field of this spec's form"));
      return;
    }
    AnyOfResolver.Choices choices = AnyOfResolver.choose(LINKEDIN_SCHEMA, linkedIn, LINKEDIN, violations);
    if (choices.fits(LINKEDIN_SCHEMA)) {
      JsonSchema schema = LINKEDIN_BY_BRANCHES.computeIfAbsent(choices.key(),
          key -> FACTORY.getSchema(choices.apply(LINKEDIN_SCHEMA)));
      validate(schema, linkedIn, LINKEDIN, violations);
      unknownProperties(LINKEDIN_SCHEMA, linkedIn, LINKEDIN, violations);
    }
    checkTimeZones(linkedIn, LINKEDIN, violations);
  }

  /**
   * A key the (resolved) schema does not list is refused, as the generated models refuse it: a mistyped option
   * name must not be sent and silently ignored. Walks the schema, so it is as deep as the spec, no deeper.
   */
  private static void unknownProperties(JsonNode declared, JsonNode instance, String field, List<Violation> violations) {
    // An object fitting no branch is reported already by the branch choice.
    JsonNode schema = instance.isObject() ? Branches.choose(declared, instance) : null;
    if (schema == null || !(schema.get("properties") instanceof ObjectNode properties)
        || schema.path("additionalProperties").asBoolean(false)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = instance.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      String child = AnyOfResolver.join(field, entry.getKey());
      JsonNode propertySchema = properties.get(entry.getKey());
      if (propertySchema == null) {
        violations.add(new Violation(child, "is not a field of "
            + schema.path("title").asText(field.isEmpty() ? "the form" : field).toLowerCase(java.util.Locale.ROOT)));
      } else {
        unknownProperties(propertySchema, entry.getValue(), child, violations);
      }
    }
  }

  private static void validate(JsonSchema schema, JsonNode instance, String root, List<Violation> violations) {
    Set<ValidationMessage> messages = schema.validate(instance);
    for (ValidationMessage message : messages) {
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

  private static void checkTimeZones(JsonNode node, String field, List<Violation> violations) {
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (entry.getKey().equals("timezone") && value.isTextual() && !ZONES.contains(value.asText())) {
        violations.add(new Violation(AnyOfResolver.join(field, entry.getKey()),
            "must be an IANA time zone such as Europe/Paris, not '" + value.asText() + "'"));
      }
      if (value.isObject()) {
        checkTimeZones(value, AnyOfResolver.join(field, entry.getKey()), violations);
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
}
