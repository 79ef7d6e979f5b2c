package io.github.unipilechat.core;

import io.github.unipilechat.UnipileChatClient;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A MockWebServer and a client pointed at it, with key {@value #KEY}: started before each test, closed after. */
final class ServedClient implements BeforeEachCallback, AfterEachCallback {
  static final String KEY = "sk-test-123";

  private final UnaryOperator<UnipileChatClient.Builder> configure;
  private MockWebServer server;
  private UnipileChatClient client;

  ServedClient(UnaryOperator<UnipileChatClient.Builder> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = configure.apply(UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey(KEY)).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.close();
    server.close();
  }

  MockWebServer server() {
    return server;
  }

  UnipileChatClient client() {
    return client;
  }
}
