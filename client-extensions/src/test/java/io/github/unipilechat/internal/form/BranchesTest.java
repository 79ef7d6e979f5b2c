package io.github.unipilechat.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a schema's branches say is remembered per schema node: each node gets its own branches back, never those of
 * an equal schema read elsewhere, however many schemas pass through.
 */
class BranchesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHAPES = """
      {"anyOf": [
        {"title": "Classic", "properties": {"api": {"enum": ["classic"]}, "inmail": {"type": "boolean"}}},
        {"title": "Recruiter", "required": ["api"], "properties": {"api": {"enum": ["recruiter"]}, "signature": {}}}
      ]}""";

  @Test
  void eachSchemaNodeGetsItsOwnBranches() throws Exception {
    List<JsonNode> schemas = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      schemas.add(JSON.readTree(SHAPES));
    }
    JsonNode recruiter = JSON.readTree("{\"api\":\"recruiter\"}");
    for (int round = 0; round < 2; round++) {
      for (JsonNode schema : schemas) {
        assertThat(Branches.choose(schema, recruiter)).isSameAs(schema.get("anyOf").get(1));
        assertThat(Branches.of(schema).get(0)).isSameAs(schema.get("anyOf").get(0));
      }
    }
  }

  @Test
  void theDiscriminatorValueChoosesAndItsAbsenceTakesTheBranchNotRequiringIt() throws Exception {
    JsonNode schema = JSON.readTree(SHAPES);
    assertThat(Branches.discriminator(schema)).contains("api");
    assertThat(Branches.choose(schema, JSON.readTree("{\"api\":\"recruiter\"}")).path("title").asText()).isEqualTo("Recruiter");
    assertThat(Branches.choose(schema, JSON.readTree("{\"inmail\":true}")).path("title").asText()).isEqualTo("Classic");
    assertThat(Branches.choose(schema, JSON.readTree("{\"api\":\"talent_hub\"}"))).isNull();
  }

  @Test
  void aSchemaWithoutBranchesIsItsOwnBranch() throws Exception {
    JsonNode plain = JSON.readTree("{\"properties\": {\"days\": {\"type\": \"integer\"}}}");
    assertThat(Branches.of(plain)).isEmpty();
    assertThat(Branches.discriminator(plain)).isEmpty();
    assertThat(Branches.choose(plain, JSON.readTree("{\"days\":5}"))).isSameAs(plain);
  }
}
