package io.github.unipilechat.specgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's pages merged into the seed: everything added, nothing picked silently, only named files read. */
class SpecMergeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SEED = Path.of("..", "openapi", "unipile-start-new-chat.openapi.json");

  @TempDir Path pages;

  private static ObjectNode seed() throws Exception {
    return (ObjectNode) JSON.readTree(SEED.toFile());
  }

  private void page(String name, String document) throws Exception {
    Files.writeString(pages.resolve(name), "Title\n\n# OpenAPI definition\n```json\n" + document + "\n```\n");
  }

  private static String operation(String path, String method, String operationId) {
    return "{\"openapi\":\"3.0.0\",\"paths\":{\"" + path + "\":{\"" + method + "\":{\"operationId\":\"" + operationId
        + "\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aSecondMethodOfTheSeedsPathJoinsIt() throws Exception {
    page("Messaging__list-all-chats.md", operation("/api/v1/chats", "get", "ChatsController_listAllChats"));

    JsonNode merged = SpecMerge.merge(SEED, pages);

    assertThat(names(merged.path("paths").path("/api/v1/chats"))).containsExactly("post", "get");
    assertThat(merged.path("paths").path("/api/v1/chats").path("post")).isEqualTo(seed().at("/paths/~1api~1v1~1chats/post"));
  }

  @Test
  void newPathsComeAfterTheSeedsInPageOrder() throws Exception {
    page("b.md", operation("/b", "get", "b"));
    page("a.md", operation("/a", "get", "a"));

    JsonNode merged = SpecMerge.merge(SEED, pages);

    List<String> paths = names(merged.path("paths"));
    assertThat(paths.subList(paths.size() - 2, paths.size())).containsExactly("/a", "/b");
    assertThat(paths).startsWith(names(seed().path("paths")).toArray(String[]::new));
  }

  @Test
  void thePageThatIsTheSeedMergesWithIt() throws Exception {
    page("Messaging__start-new-chat.md", JSON.writeValueAsString(seed()));

    assertThat(SpecMerge.merge(SEED, pages)).isEqualTo(seed());
  }

  @Test
  void aDifferentOperationUnderTheSameNameIsRefusedNamingBoth() throws Exception {
    page("other-start.md", operation("/api/v1/chats", "post", "somethingElse"));

    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/paths/~1api~1v1~1chats/post")
        .hasMessageContaining(SEED.getFileName().toString()).hasMessageContaining("other-start.md");
  }

  @Test
  void aDifferentComponentUnderTheSameNameIsRefusedNamingBoth() throws Exception {
    page("a.md", "{\"components\":{\"schemas\":{\"Chat\":{\"type\":\"object\"}}}}");
    page("b.md", "{\"components\":{\"schemas\":{\"Chat\":{\"type\":\"string\"}}}}");

    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("/components/schemas/Chat")
        .hasMessageContaining("a.md").hasMessageContaining("b.md");
  }

  @Test
  void identicalComponentsAndTagsMerge() throws Exception {
    String shared = "{\"tags\":[{\"name\":\"Users\"}],\"components\":{\"schemas\":{\"Chat\":{\"type\":\"object\"}}}}";
    page("a.md", shared);
    page("b.md", shared);

    JsonNode merged = SpecMerge.merge(SEED, pages);

    assertThat(merged.at("/components/schemas/Chat/type").asText()).isEqualTo("object");
    assertThat(merged.path("tags").findValuesAsText("name")).containsOnlyOnce("Users");
  }

  @Test
  void aDifferentTopLevelValueIsRefused() throws Exception {
    page("a.md", "{\"openapi\":\"3.1.0\"}");

    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("/openapi").hasMessageContaining("a.md");
  }

  @Test
  void aPageWithoutOrWithTwoJsonBlocksIsRefused() throws Exception {
    Files.writeString(pages.resolve("none.md"), "no block here");
    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("none.md").hasMessageContaining("no ```json");

    Files.writeString(pages.resolve("none.md"), "```json\n{}\n```\n```json\n{}\n```\n");
    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("more than one");
  }

  @Test
  void aSymbolicLinkIsNotFollowed() throws Exception {
    Path outside = Files.writeString(pages.getParent().resolve("outside-" + System.nanoTime() + ".md"), "```json\n{}\n```\n");
    try {
      Files.createSymbolicLink(pages.resolve("link.md"), outside);

      assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("not a regular file: link.md");
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void anOversizedPageIsRefusedUnread() throws Exception {
    Files.write(pages.resolve("big.md"), new byte[(int) SpecMerge.MAX_FILE_BYTES + 1]);

    assertThatThrownBy(() -> SpecMerge.merge(SEED, pages)).hasMessageContaining("big.md is larger than");
  }

  @Test
  void theReadmeIsNotAPage() throws Exception {
    Files.writeString(pages.resolve("README.md"), "no block");
    page("a.md", operation("/a", "get", "a"));

    assertThat(SpecMerge.merge(SEED, pages).path("paths").has("/a")).isTrue();
  }
}
