package io.github.unipilechat.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.unipilechat.errors.InvalidRequestException;
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
  private static final ObjectNode REQUEST_SCHEMA = ProviderSpec.requestSchema();
  private static final JsonNode LINKEDIN_SCHEMA = REQUEST_SCHEMA.get("properties").get(LINKEDIN);
  private static final JsonSchema TOP_LEVEL = FACTORY.getSchema(withoutFilesAndLinkedIn(REQUEST_SCHEMA));
  // Keyed by the anyOf branches taken, which alone decide the resolved schema: hashing and comparing the
  // resolved schema itself cost more than validating with it. Bounded by the spec's branch combinations.
  private static final Map<String, JsonSchema> LINKEDIN_BY_BRANCHES = new ConcurrentHashMap<>();
  // Copied once: ZoneId hands out a fresh copy of its ~600 ids on every call.
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private RequestRules() {}

  /**
   * Checks the request's text fields (shaped as the spec's JSON: {@code account_id}, {@code attendees_ids},
   * {@code text}, {@code subject}) and its LinkedIn options, if any.
   *
   * @throws InvalidRequestException naming every broken rule
   */
  public static void check(ObjectNode fields, JsonNode linkedIn) {
    List<Violation> violations = new ArrayList<>();
    validate(TOP_LEVEL, fields, "", violations);
    String accountId = fields.path("account_id").asText();
    if (!accountId.isEmpty() && accountId.isBlank()) {
      violations.add(new Violation("account_id", "must not be blank"));
    }
    JsonNode attendees = fields.path("attendees_ids");
    for (int i = 0; i < attendees.size(); i++) {
      if (attendees.get(i).asText().isBlank()) {
        violations.add(new Violation("attendees_ids[" + i + "]", "must not be blank"));
      }
    }
    if (linkedIn != null) {
      linkedInViolations(linkedIn, violations);
    }
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
    AnyOfResolver.Choices choices = AnyOfResolver.choose(LINKEDIN_SCHEMA, linkedIn, LINKEDIN, violations);
    if (choices.fits(LINKEDIN_SCHEMA)) {
      JsonSchema schema = LINKEDIN_BY_BRANCHES.computeIfAbsent(choices.key(),
          key -> FACTORY.getSchema(choices.apply(LINKEDIN_SCHEMA)));
      validate(schema, linkedIn, LINKEDIN, violations);
    }
    checkTimeZones(linkedIn, LINKEDIN, violations);
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
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
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

  /** Files are checked as files, and LinkedIn options by their own branch; the rest of the schema stays. */
  private static JsonNode withoutFilesAndLinkedIn(ObjectNode requestSchema) {
    ObjectNode schema = requestSchema.deepCopy();
    ObjectNode properties = (ObjectNode) schema.get("properties");
    properties.remove(LINKEDIN);
    properties.properties().removeIf(p -> isBinary(p.getValue()));
    return schema;
  }

  private static boolean isBinary(JsonNode propertySchema) {
    return "binary".equals(propertySchema.path("format").asText())
        || "binary".equals(propertySchema.path("items").path("format").asText());
  }
}
