package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SpecModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One command per operation of the spec, named from its operationId; the same targets and exit codes as start-chat. */
class OperationCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
  }

  private static SpecModel model(String paths) throws Exception {
    return SpecModel.of(new ObjectMapper().readTree("{\"openapi\":\"3.0.0\",\"paths\":" + paths.replace('\'', '"') + "}"));
  }

  @Test
  void theLongNameAlwaysExistsAndTheShortOneWhileItIsUnique() throws Exception {
    SpecModel spec = model("{'/u/{id}/comments':{'get':{'operationId':'UsersController_listAllComments'}},"
        + "'/p/{id}/comments':{'get':{'operationId':'PostsController_listAllComments'}},"
        + "'/c/{chat_id}/messages':{'post':{'operationId':'ChatsController_sendMessageInChat'}}}");
    Map<String, Operation> names = OperationCommand.names(spec, Set.of());
    assertThat(names).containsKeys("users-list-all-comments", "posts-list-all-comments", "send-message-in-chat",
        "chats-send-message-in-chat").doesNotContainKey("list-all-comments");
  }

  @Test
  void aNameTheCommandLineAlreadyHasIsLeftToIt() throws Exception {
    SpecModel spec = model("{'/x':{'post':{'operationId':'ThingsController_verifyPact'}}}");
    assertThat(OperationCommand.names(spec, Set.of("verify-pact"))).containsOnlyKeys("things-verify-pact");
  }

  @Test
  void everyOperationOfTheBundledSpecIsACommandWithHelpFromTheSpec() {
    for (Map.Entry<String, Operation> command : OperationCommand.names(SpecModel.bundled(), Set.copyOf(Main.COMMANDS))
        .entrySet()) {
      out.reset();
      assertThat(run(command.getKey(), "--help")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: unipile-chat " + command.getKey(),
          command.getValue().id());
    }
  }

  @Test
  void anOperationCommandSendsToTheEmbeddedMockAndPrintsTheAnswer() {
    int code = run("chats-start-new-chat", "--field", "account_id=acc_1", "--field", "attendees_ids=ACoAAB1",
        "--field", "text=Hello");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"object\":\"ChatStarted\"");
  }

  @Test
  void aRefusedRequestIsExit2AndSendsNothing() {
    assertThat(run("chats-start-new-chat", "--field", "text=Hello")).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("account_id: is required");
  }

  @Test
  void aKeyWithoutATargetIsRefusedAsForStartChat() {
    int code = Main.run(new Console(Map.of(Target.API_KEY_ENV, "sk-live-12345678"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
        "chats-start-new-chat", "--field", "account_id=acc_1", "--field", "attendees_ids=ACoAAB1");
    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no target");
  }
}
