package io.github.unipilechat.specgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modified copies of the real spec, made here so they follow it: one change each. */
class SpecGateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("..", "openapi", "unipile-start-new-chat.openapi.json");
  private static final String REQUEST = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";
  private static final String RECRUITER = REQUEST + "/properties/linkedin/anyOf/1/properties";
  private static final String CREATED = "/paths/~1api~1v1~1chats/post/responses/201/content/application~1json/schema/properties";

  @TempDir Path temp;

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
}
