package io.github.unipilechat.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every list backwards, read from the seed: the copy .ci/run builds and tests the modules that read the spec on. */
class SpecReverseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SEED = Path.of("..", "openapi", "unipile-start-new-chat.openapi.json");
  private static final String REQUEST = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";

  private static JsonNode seed() throws Exception {
    return JSON.readTree(SEED.toFile());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    return elements;
  }

  private static <T> List<T> backwards(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  @Test
  void propertiesPathsAndResponsesAreBackwards() throws Exception {
    JsonNode seed = seed();
    JsonNode reversed = SpecReverse.reverse(seed);

    assertThat(names(reversed.at(REQUEST + "/properties"))).hasSizeGreaterThan(1)
        .isEqualTo(backwards(names(seed.at(REQUEST + "/properties"))));
    assertThat(names(reversed.path("paths"))).isEqualTo(backwards(names(seed.path("paths"))));
    assertThat(names(reversed.at("/paths/~1api~1v1~1chats/post/responses")))
        .isEqualTo(backwards(names(seed.at("/paths/~1api~1v1~1chats/post/responses"))));
  }

  @Test
  void anyOfRequiredAndEnumListsAreBackwards() throws Exception {
    JsonNode seed = seed();
    JsonNode reversed = SpecReverse.reverse(seed);

    List<JsonNode> shapes = elements(seed.at(REQUEST + "/properties/linkedin/anyOf"));
    assertThat(shapes).hasSizeGreaterThan(1);
    assertThat(elements(reversed.at(REQUEST + "/properties/linkedin/anyOf"))).hasSameSizeAs(shapes)
        .isEqualTo(backwards(shapes).stream().map(SpecReverse::reverse).toList());
    assertThat(elements(reversed.at(REQUEST + "/required"))).isEqualTo(backwards(elements(seed.at(REQUEST + "/required"))));
    String types = "/paths/~1api~1v1~1chats/post/responses/422/content/application~1json/schema/properties/type/enum";
    assertThat(elements(seed.at(types))).hasSizeGreaterThan(1);
    assertThat(elements(reversed.at(types))).isEqualTo(backwards(elements(seed.at(types))));
  }

  @Test
  void serversKeepTheirOrderAndTheSeedIsUntouched() throws Exception {
    JsonNode seed = seed();
    JsonNode copy = seed.deepCopy();

    JsonNode reversed = SpecReverse.reverse(seed);

    assertThat(reversed.path("servers")).isEqualTo(seed.path("servers"));
    assertThat(seed).isEqualTo(copy);
  }

  @Test
  void reversingTwiceGivesTheDocumentBack() throws Exception {
    JsonNode seed = seed();

    JsonNode twice = SpecReverse.reverse(SpecReverse.reverse(seed));

    assertThat(JSON.writeValueAsString(twice)).isEqualTo(JSON.writeValueAsString(seed));
  }
}
