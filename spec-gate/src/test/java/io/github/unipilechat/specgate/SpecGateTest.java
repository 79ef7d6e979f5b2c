package io.github.unipilechat.specgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.junit.jupiter.api.io.TempDir;

/** Modified copies of the real spec, made here so they follow it: one change each. */
class SpecGateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("..", "openapi", "unipile-start-new-chat.openapi.json");
  private static final String REQUEST = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";

  private static final String LINKEDIN = REQUEST + "/properties/linkedin/anyOf";
  /** The Recruiter shape (its api is "recruiter"), wherever the spec lists it among the linkedin branches. */
  private static final String RECRUITER_SHAPE = LINKEDIN + "/" + branch(LINKEDIN, "/properties/api/enum", "recruiter");
  private static final String RECRUITER = RECRUITER_SHAPE + "/properties";
  private static final String SCHEDULED_TIME = RECRUITER_SHAPE + "/properties/follow_up/properties/scheduled_time/anyOf";
  /** The days of the "Days based" branch (the one with a days property), wherever the spec lists it. */
  private static final String DAYS = SCHEDULED_TIME + "/" + branch(SCHEDULED_TIME, "/properties", "days") + "/properties/days";
  private static final String RESPONSES = "/paths/~1api~1v1~1chats/post/responses";
  private static final String CREATED = RESPONSES + "/201/content/application~1json/schema/properties";
  private static final String ERROR_TYPES = RESPONSES + "/422/content/application~1json/schema/properties/type/enum";

  @TempDir Path temp;

  /**
   * The index of the branch of the {@code anyOf} at {@code anyOf} whose node at {@code where} holds {@code value}
   * (an enum value, or a property name): the tests edit a branch by what it is, never by its position.
   */
  private static int branch(String anyOf, String where, String value) {
    try {
      JsonNode branches = JSON.readTree(SPEC.toFile()).at(anyOf);
      for (int i = 0; i < branches.size(); i++) {
        JsonNode node = branches.get(i).at(where);
        boolean holds = node.isArray() ? contains(node, value) : node.has(value);
        if (holds) {
          return i;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("no branch of " + anyOf + " with " + value + " at " + where);
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String spec() throws Exception {
    return Files.readString(SPEC);
  }

  private static String edited(Consumer<JsonNode> edit) throws Exception {
    JsonNode copy = JSON.readTree(spec());
    edit.accept(copy);
    return JSON.writeValueAsString(copy);
  }

  @Test
  void sameSpecIsNoChange() throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(), spec());

    assertThat(verdict.changed()).isFalse();
    assertThat(verdict.breaking()).isFalse();
  }

  @Test
  void removedResponseFieldIsBreaking() throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(), edited(s -> ((ObjectNode) s.at(CREATED)).remove("chat_id")));

    assertThat(verdict.breaking()).isTrue();
    assertThat(verdict.report()).contains("/api/v1/chats");
  }

  @Test
  void narrowedRequestEnumIsBreaking() throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(),
        edited(s -> ((ArrayNode) s.at(RECRUITER + "/visibility/enum")).remove(2)));

    assertThat(verdict.breaking()).isTrue();
  }

  @Test
  void newlyRequiredRequestFieldIsBreaking() throws Exception {
    assertThat(SpecGate.compare(spec(), edited(s -> ((ArrayNode) s.at(REQUEST + "/required")).add("subject"))).breaking())
        .isTrue();
  }

  @Test
  void addedOptionalFieldIsCompatible() throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(),
        edited(s -> ((ObjectNode) s.at(RECRUITER)).putObject("priority").put("type", "string")));

    assertThat(verdict.changed()).isTrue();
    assertThat(verdict.breaking()).isFalse();
  }

  @Test
  void addedRequestEnumValueIsCompatible() throws Exception {
    assertThat(SpecGate.compare(spec(), edited(s -> ((ArrayNode) s.at(RECRUITER + "/visibility/enum")).add("TEAM"))).breaking())
        .isFalse();
  }

  @Test
  void mainFailsOnABreakingChangeUnlessAcknowledged() throws Exception {
    Path baseline = Files.writeString(temp.resolve("baseline.json"), spec());
    Path current = Files.writeString(temp.resolve("current.json"), edited(s -> ((ObjectNode) s.at(CREATED)).remove("object")));

    assertThatThrownBy(() -> SpecGate.main(new String[] {baseline.toString(), current.toString(), "false"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-Dunipile.spec.acceptBreaking=true");
    SpecGate.main(new String[] {baseline.toString(), current.toString(), "true"});
  }

  @Test
  void mainPassesAnAdditiveChange() throws Exception {
    Path baseline = Files.writeString(temp.resolve("baseline.json"), spec());
    Path current = Files.writeString(temp.resolve("current.json"),
        edited(s -> ((ObjectNode) s.at(RECRUITER)).putObject("priority").put("type", "string")));

    SpecGate.main(new String[] {baseline.toString(), current.toString(), "false"});
  }

  @Test
  void addedOptionalTopLevelFieldIsCompatible() throws Exception {
    assertCompatible(edited(s -> ((ObjectNode) s.at(REQUEST + "/properties")).putObject("priority").put("type", "string")));
  }

  @Test
  void addedLinkedInShapeIsCompatibleThoughOpenapiDiffCallsItBreaking() throws Exception {
    String current = edited(s -> ((ArrayNode) s.at(LINKEDIN)).add(newShape()));

    assertCompatible(current);
    assertThat(OpenApiCompare.fromContents(spec(), current).isIncompatible())
        .as("openapi-diff's own verdict, which the gate must not take as is").isTrue();
    assertThat(SpecGate.compare(spec(), current).report()).contains("branch \"Talent Hub options\" added");
  }

  @Test
  void linkedInShapeInsertedFirstIsCompatible() throws Exception {
    assertCompatible(edited(s -> ((ArrayNode) s.at(LINKEDIN)).insert(0, newShape())));
  }

  @Test
  void reorderedPropertiesAndBranchesAreNoChange() throws Exception {
    String current = edited(s -> {
      reverseProperties((ObjectNode) s.at(REQUEST));
      reverseProperties((ObjectNode) s.at(RECRUITER_SHAPE));
      ArrayNode shapes = (ArrayNode) s.at(LINKEDIN);
      shapes.insert(0, shapes.remove(2));
    });

    SpecGate.Verdict verdict = SpecGate.compare(spec(), current);
    assertThat(verdict.changes()).isEmpty();
    assertThat(verdict.breaking()).isFalse();
  }

  @Test
  void addedErrorStatusIsCompatible() throws Exception {
    assertCompatible(edited(s -> {
      ObjectNode responses = (ObjectNode) s.at(RESPONSES);
      String status = IntStream.range(400, 600).mapToObj(Integer::toString).filter(code -> !responses.has(code))
          .findFirst().orElseThrow();
      ObjectNode conflict = responses.putObject(status);
      conflict.put("description", "Conflict");
      ObjectNode schema = conflict.putObject("content").putObject("application/json").putObject("schema");
      schema.put("type", "object");
      schema.putObject("properties").putObject("type").put("type", "string").putArray("enum").add("errors/chat_exists");
    }));
  }

  @Test
  void addedErrorTypeIsCompatible() throws Exception {
    assertCompatible(edited(s -> ((ArrayNode) s.at(ERROR_TYPES)).add("errors/brand_new")));
  }

  @Test
  void addedSuccessEnumValueIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ArrayNode) s.at(CREATED + "/object/enum")).add("ChatQueued")), "ChatQueued");
  }

  @Test
  void tightenedMinimumIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at(DAYS)).put("minimum", 4)), "minimum raised from 3 to 4");
  }

  @Test
  void loweredMinimumIsCompatible() throws Exception {
    assertCompatible(edited(s -> ((ObjectNode) s.at(DAYS)).put("minimum", 2)));
  }

  @Test
  void newMaxLengthIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at(REQUEST + "/properties/text")).put("maxLength", 100)), "maxLength");
  }

  @Test
  void newlyRequiredFieldInsideAShapeIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at(RECRUITER_SHAPE)).putArray("required").add("hiring_project_id")),
        "hiring_project_id is now required");
  }

  @Test
  void removedTopLevelFieldIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at(REQUEST + "/properties")).remove("subject")), "subject: field removed");
  }

  @Test
  void removedLinkedInShapeIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ArrayNode) s.at(LINKEDIN)).remove(2)), "no longer accepted");
  }

  @Test
  void changedFieldTypeIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at(REQUEST + "/properties/account_id")).put("type", "number")),
        "type string became number");
  }

  @Test
  void removedOperationIsBreaking() throws Exception {
    assertBreaking(edited(s -> ((ObjectNode) s.at("/paths")).remove("/api/v1/chats")), "operation removed");
  }

  private static void assertCompatible(String current) throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(), current);
    assertThat(verdict.changed()).isTrue();
    assertThat(verdict.changes()).noneMatch(Change::breaking);
    assertThat(verdict.breaking()).isFalse();
  }

  private static void assertBreaking(String current, String named) throws Exception {
    SpecGate.Verdict verdict = SpecGate.compare(spec(), current);
    assertThat(verdict.breaking()).isTrue();
    assertThat(verdict.changes()).filteredOn(Change::breaking).anyMatch(c -> c.toString().contains(named));
  }

  /** A fourth LinkedIn product: its own api value and a field it requires. */
  private static ObjectNode newShape() {
    ObjectNode shape = JSON.createObjectNode().put("title", "Talent Hub options").put("type", "object");
    ObjectNode properties = shape.putObject("properties");
    properties.putObject("api").put("type", "string").putArray("enum").add("talent_hub");
    properties.putObject("pipeline_id").put("type", "string");
    shape.putArray("required").add("api").add("pipeline_id");
    return shape;
  }

  private static void reverseProperties(ObjectNode schema) {
    ObjectNode properties = (ObjectNode) schema.get("properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    Collections.reverse(names);
    ObjectNode reversed = JSON.createObjectNode();
    names.forEach(name -> reversed.set(name, properties.get(name)));
    schema.set("properties", reversed);
  }
}
