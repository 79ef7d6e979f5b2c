package io.github.unipilechat.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static SpecModel model(String paths) throws Exception {
    JsonNode document = MAPPER.readTree("{\"openapi\":\"3.0.0\",\"paths\":" + paths.replace('\'', '"') + "}");
    return SpecModel.of(document);
  }

  @Test
  void everyOperationOfTheBundledDocumentIsFoundByItsOwnPath() {
    Operations operations = SpecModel.bundled().operations();
    assertThat(operations.all()).isNotEmpty();
    for (Operation operation : operations.all()) {
      Map<String, String> values = new HashMap<>();
      operation.path().names().forEach(name -> values.put(name, "v_" + name));
      OperationMatch match = operations.match(operation.method(), operation.path().expand(values));
      assertThat(match).isEqualTo(new OperationMatch.Found(operation, values));
    }
  }

  @Test
  void aLiteralSegmentWinsOverATemplateWhateverTheDocumentOrder() throws Exception {
    SpecModel spec = model("{'/users/{identifier}':{'get':{'operationId':'U_get'}},'/users/me':{'get':{'operationId':'U_me'}}}");
    assertThat(((OperationMatch.Found) spec.operations().match("GET", "/users/me")).operation().id()).isEqualTo("U_me");
    assertThat(((OperationMatch.Found) spec.operations().match("GET", "/users/ann")).pathParameters())
        .containsEntry("identifier", "ann");
  }

  @Test
  void anotherMethodOnAKnownPathIsNotAllowedAndNamesTheMethods() throws Exception {
    SpecModel spec = model("{'/chats/{id}':{'get':{'operationId':'C_get'},'patch':{'operationId':'C_patch'}}}");
    assertThat(spec.operations().match("DELETE", "/chats/1"))
        .isEqualTo(new OperationMatch.MethodNotAllowed(java.util.List.of("GET", "PATCH")));
    assertThat(spec.operations().match("GET", "/chats/1/x")).isEqualTo(new OperationMatch.NotFound());
    assertThat(spec.operations().match("GET", "/chats/")).isEqualTo(new OperationMatch.NotFound());
  }

  @Test
  void pathValuesAreEncodedAsOneSegmentAndDecodedBack() throws Exception {
    SpecModel spec = model("{'/chats/{chat_id}/messages':{'post':{'operationId':'C_send'}}}");
    Operation send = spec.operation("C_send");
    String hostile = "a/b?c#d %e+f\u00e9\r\n";
    String path = send.path().expand(Map.of("chat_id", hostile));
    assertThat(path).isEqualTo("/chats/a%2Fb%3Fc%23d%20%25e+f%C3%A9%0D%0A/messages");
    assertThat(((OperationMatch.Found) spec.operations().match("POST", path)).pathParameters())
        .containsEntry("chat_id", hostile);
  }

  @Test
  void kebabCaseSplitsWordsAndUnderscores() {
    assertThat(Operation.kebab("sendMessageInChat")).isEqualTo("send-message-in-chat");
    assertThat(Operation.kebab("chat_id")).isEqualTo("chat-id");
    assertThat(Operation.kebab("ChatAttendees")).isEqualTo("chat-attendees");
    // A label goes into messages and logs: an operationId's control characters never reach them.
    assertThat(Operation.kebab("send\r\nX-Injected: 1\u001b[2J")).isEqualTo("send-x-injected-1-2-j");
  }

  @Test
  void namesComeFromTheOperationIdAndPathParametersAreAlwaysRequired() throws Exception {
    SpecModel spec = model("{'/a/{x}':{'parameters':[{'name':'x','in':'path','schema':{'type':'string'}}],"
        + "'get':{'operationId':'PostsController_listAllComments','parameters':[{'name':'limit','in':'query'}]}}}");
    Operation op = spec.operation("PostsController_listAllComments");
    assertThat(op.name()).isEqualTo("listAllComments");
    assertThat(op.family()).isEqualTo("Posts");
    assertThat(op.parameters()).extracting(Parameter::name).containsExactly("x", "limit");
    assertThat(op.parameter("x", Parameter.In.PATH)).get().extracting(Parameter::required).isEqualTo(true);
    assertThat(op.parameter("limit", Parameter.In.QUERY)).get().extracting(Parameter::required).isEqualTo(false);
  }
}
