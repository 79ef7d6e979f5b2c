package io.github.unipilechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the bundled spec lists, in the order it lists it, for tests whose expectation is an order the spec decides
 * (parts on the wire, fields named in a message): a provider reordering its document changes the expectation with
 * it, so such a test never pins today's order. The build runs every test on a copy of the spec with every list
 * backwards too (.ci/run).
 */
public final class SpecOrder {
  private SpecOrder() {}

  /** The request's property names, in the spec's order. */
  public static List<String> requestFields() {
    return names(ProviderSpec.requestSchema().path("properties"));
  }

  /** The request's required fields, in the spec's order. */
  public static List<String> requiredFields() {
    return strings(ProviderSpec.requestSchema().path("required"));
  }

  /** The property names of the 201 answer's body, in the spec's order. */
  public static List<String> createdFields() {
    JsonNode document = ProviderSpec.document();
    JsonNode created = ProviderSpec.resolve(document, document.at("/paths/~1api~1v1~1chats/post/responses/201"));
    for (JsonNode media : created.path("content")) {
      return names(ProviderSpec.resolve(document, media.path("schema")).path("properties"));
    }
    throw new IllegalStateException("the spec documents no 201 body for POST /api/v1/chats");
  }

  /** The {@code linkedin} shape whose {@code api} enum holds {@code api}. */
  public static JsonNode linkedInShape(String api) {
    JsonNode document = ProviderSpec.document();
    for (JsonNode shape : ProviderSpec.requestSchema().path("properties").path("linkedin").path("anyOf")) {
      JsonNode resolved = ProviderSpec.resolve(document, shape);
      for (JsonNode value : resolved.path("properties").path("api").path("enum")) {
        if (value.asText().equals(api)) {
          return resolved;
        }
      }
    }
    throw new IllegalStateException("no linkedin shape with api " + api);
  }

  /** The schema at the end of {@code properties} names from {@code schema} ($refs followed). */
  public static JsonNode property(JsonNode schema, String... path) {
    JsonNode current = schema;
    for (String name : path) {
      current = ProviderSpec.resolve(ProviderSpec.document(), current.path("properties").path(name));
    }
    return current;
  }

  /** Each {@code anyOf} branch as the client describes it in a message: its title and required fields. */
  public static List<String> described(JsonNode schema) {
    List<String> branches = new ArrayList<>();
    for (JsonNode branch : schema.path("anyOf")) {
      JsonNode resolved = ProviderSpec.resolve(ProviderSpec.document(), branch);
      List<String> required = strings(resolved.path("required"));
      branches.add(resolved.path("title").asText("a schema") + (required.isEmpty() ? "" : " " + required));
    }
    return branches;
  }

  /** {@code names} in the order of {@code order}, the others left out. */
  public static List<String> inOrder(List<String> order, Collection<String> names) {
    return order.stream().filter(names::contains).toList();
  }

  /** The member names of an object, in document order. */
  public static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
