package io.github.unipilechat.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code start-chat} run in-process against a fresh {@link MockWebServer}, stdout and stderr captured: the set-up
 * every command-line test of sending shares. Register with {@code @RegisterExtension}.
 */
final class StartChatCli implements BeforeEachCallback, AfterEachCallback {
  private final String apiKey;
  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  StartChatCli(String apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server.start(0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
  }

  MockWebServer server() {
    return server;
  }

  /** Runs the command line with {@code env} as its environment. */
  int run(Map<String, String> env, String... args) {
    Console console = new Console(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.run(console, args);
  }

  /** {@code start-chat} to this server with an account, an attendee and the key, then {@code extra}. */
  String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of("start-chat", "--account-id", "acc_1", "--attendee", "ACoAAB1",
        "--base-url", server.url("/").toString(), "--api-key", apiKey));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The server's next answer: {@code body} as JSON with {@code code}. */
  void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
        .build());
  }
}
