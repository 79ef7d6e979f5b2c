package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request body as the spec declares it: every top-level field, in the spec's property order (the order parts go
 * on the wire), with the kind that decides how its values are encoded. Read once per operation from the document
 * ({@link #of(SpecModel, Operation)}), so a field the provider adds, removes or reorders needs a rebuild and no edit.
 */
public final class FormSchema {
  private final JsonNode document;
  private final JsonNode schema;
  private final Map<String, FormField> fields;
  private final List<FormField> inOrder;

  private FormSchema(JsonNode document, JsonNode schema, Map<String, FormField> fields) {
    this.document = document;
    this.schema = schema;
    this.fields = fields;
    this.inOrder = List.copyOf(fields.values());
  }

  /**
   * The fields of {@code operation}'s first request body (multipart form fields, or a JSON object's properties),
   * read once per operation and kept with it.
   *
   * @throws IllegalArgumentException when the operation takes no body
   */
  public static FormSchema of(SpecModel spec, Operation operation) {
    return operation.derived(FormSchema.class, op -> of(spec.document(), op.body()
        .orElseThrow(() -> new IllegalArgumentException(op + " takes no request body")).schema()));
  }

  /**
   * The fields of one body schema of {@code document}: a multipart form's, or a JSON object body's properties
   * (which this model reads the same way: names, kinds, schemas, order).
   */
  public static FormSchema of(JsonNode document, JsonNode bodySchema) {
    JsonNode schema = resolve(document, bodySchema);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    Map<String, FormField> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode propertySchema = resolve(document, property.getValue());
      fields.put(property.getKey(), new FormField(property.getKey(), FormField.kindOf(propertySchema),
          propertySchema, required.contains(property.getKey())));
    }
    return new FormSchema(document, schema, Collections.unmodifiableMap(fields));
  }

  /** The form's schema (shared; do not modify). */
  public JsonNode schema() {
    return schema;
  }

  /** Every field, in the spec's order. */
  public List<FormField> fields() {
    return inOrder;
  }

  /** The field named {@code name}, if the spec has it. */
  public Optional<FormField> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * The field named {@code name}.
   *
   * @throws InvalidRequestException when the spec has no such field, naming the ones it has
   */
  public FormField require(String name) {
    FormField field = name == null ? null : fields.get(name);
    if (field == null) {
      throw new InvalidRequestException(name == null ? "field" : name,
          "is not a field of the start-chat form; the spec has " + String.join(", ", fields.keySet()));
    }
    return field;
  }

  /** Follows the {@code $ref} chain from {@code node} in this form's document (the one resolver, {@link SpecModel#resolve}). */
  public JsonNode resolve(JsonNode node) {
    return resolve(document, node);
  }

  static JsonNode resolve(JsonNode document, JsonNode node) {
    return SpecModel.resolve(document, node);
  }

}
