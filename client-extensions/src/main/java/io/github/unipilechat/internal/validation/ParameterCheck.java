package io.github.unipilechat.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.Parameter;
import io.github.unipilechat.internal.spec.TextValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation's parameter values on the project's one schema engine: each value read as its schema's type (text, or
 * the number or boolean it spells) and checked against that schema. Which parameters must be there is the OpenAPI
 * layer's part ({@code internal.openapi}, swagger-request-validator). The client checks what it is about to send with
 * it, the contract kit what arrived, so a broken rule reads the same.
 */
public final class ParameterCheck {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  private final Operation operation;
  private final JsonSchema schema;

  private ParameterCheck(Operation operation) {
    this.operation = operation;
    ObjectNode object = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode properties = object.putObject("properties");
    operation.parameters().forEach(p -> properties.set(p.name(), p.schema()));
    this.schema = FACTORY.getSchema(object);
  }

  /** The check of {@code operation}, compiled once and kept with it. */
  public static ParameterCheck of(Operation operation) {
    return operation.derived(ParameterCheck.class, ParameterCheck::new);
  }

  /**
   * Every finding for the values given; a parameter missing is not one here (the OpenAPI layer says whether it may
   * be), nor is one the operation does not declare.
   *
   * @param path path parameters by name
   * @param query query parameters in order, a repeated name once per value
   * @param headers header parameters by name (matched without regard to case, as HTTP does)
   */
  public List<Violation> check(Map<String, String> path, List<Map.Entry<String, String>> query,
      Map<String, String> headers) {
    if (operation.parameters().isEmpty()) {
      return List.of(); // start-chat's case, on every request: nothing to judge, no tree to build
    }
    List<Violation> violations = new ArrayList<>();
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    for (Parameter parameter : operation.parameters()) {
      List<String> given = switch (parameter.in()) {
        case PATH -> path.containsKey(parameter.name()) ? List.of(path.get(parameter.name())) : List.of();
        case QUERY -> query.stream().filter(e -> e.getKey().equals(parameter.name())).map(Map.Entry::getValue).toList();
        case HEADER, COOKIE -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(parameter.name()))
            .map(Map.Entry::getValue).toList();
      };
      if (given.isEmpty() || parameter.in() == Parameter.In.PATH && given.get(0).isEmpty()) {
        continue; // whether it may be missing is the OpenAPI layer's finding (swagger-request-validator's)
      }
      if (parameter.repeats()) {
        ArrayNode array = values.putArray(parameter.name());
        given.forEach(value -> array.add(typed(parameter.schema().path("items"), value)));
      } else {
        values.set(parameter.name(), typed(parameter.schema(), given.get(given.size() - 1)));
      }
    }
    for (ValidationMessage message : schema.validate(values)) {
      String location = message.getInstanceLocation().toString();
      String field = location.startsWith("$.") ? location.substring(2) : location.replace("$", "");
      String text = message.getMessage();
      int colon = text.indexOf(": ");
      violations.add(new Violation(field.isEmpty() ? "parameters" : field, colon < 0 ? text : text.substring(colon + 2)));
    }
    return violations;
  }

  static JsonNode typed(JsonNode schema, String value) {
    return TextValue.typed(schema, value);
  }
}
