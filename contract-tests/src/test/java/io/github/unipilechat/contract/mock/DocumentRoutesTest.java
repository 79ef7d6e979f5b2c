package io.github.unipilechat.contract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.contract.mock.DocumentRoutes.Kind;
import org.junit.jupiter.api.Test;

/** The one "which route" decision, on a small document with templates (the mock will serve every operation soon). */
class DocumentRoutesTest {
  private static final DocumentRoutes ROUTES = DocumentRoutes.of(document("""
      {"paths": {
        "/api/v1/chats": {"post": {}, "get": {}, "parameters": []},
        "/api/v1/chats/{chat_id}": {"get": {}, "summary": "not a method"},
        "/api/v1/chats/{chat_id}/messages": {"post": {}},
        "/api/v1/files/{name}.json": {"get": {}},
        "/api/v1/parameters-only": {"parameters": []}
      }}"""));

  private static JsonNode document(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void documentedMethodOnALiteralPathIsAnOperation() {
    assertThat(ROUTES.match("POST", "/api/v1/chats").kind()).isEqualTo(Kind.OPERATION);
  }

  @Test
  void templateSegmentMatchesAnyValue() {
    assertThat(ROUTES.match("GET", "/api/v1/chats/abc-123").kind()).isEqualTo(Kind.OPERATION);
    assertThat(ROUTES.match("POST", "/api/v1/chats/abc/messages").kind()).isEqualTo(Kind.OPERATION);
  }

  @Test
  void templateWithinASegmentKeepsItsLiteralPart() {
    assertThat(ROUTES.match("GET", "/api/v1/files/report.json").kind()).isEqualTo(Kind.OPERATION);
    assertThat(ROUTES.match("GET", "/api/v1/files/report.xml").kind()).isEqualTo(Kind.NO_SUCH_PATH);
  }

  @Test
  void otherMethodOnAKnownPathListsTheDocumentsMethodsNotItsOtherKeys() {
    DocumentRoutes.Match match = ROUTES.match("DELETE", "/api/v1/chats/abc");

    assertThat(match.kind()).isEqualTo(Kind.NO_SUCH_METHOD);
    assertThat(match.allowed()).containsExactly("GET");
  }

  @Test
  void methodIsMatchedWhateverItsCase() {
    assertThat(ROUTES.match("post", "/api/v1/chats").kind()).isEqualTo(Kind.OPERATION);
  }

  @Test
  void oneTrailingSlashIsIgnoredLikeJavalin() {
    assertThat(ROUTES.match("POST", "/api/v1/chats/").kind()).isEqualTo(Kind.OPERATION);
  }

  @Test
  void emptyOrExtraSegmentsAreNoSuchPath() {
    assertThat(ROUTES.match("GET", "/api/v1/chats//messages").kind()).isEqualTo(Kind.NO_SUCH_PATH);
    assertThat(ROUTES.match("GET", "/api/v1/chats/a/b/c").kind()).isEqualTo(Kind.NO_SUCH_PATH);
    assertThat(ROUTES.match("GET", "/").kind()).isEqualTo(Kind.NO_SUCH_PATH);
  }

  @Test
  void pathWithoutOperationsIsNoSuchPath() {
    assertThat(ROUTES.match("GET", "/api/v1/parameters-only").kind()).isEqualTo(Kind.NO_SUCH_PATH);
  }

  @Test
  void documentWithoutPathsHasNoRoutes() {
    assertThat(DocumentRoutes.of(document("{}")).match("POST", "/api/v1/chats").kind()).isEqualTo(Kind.NO_SUCH_PATH);
  }
}
