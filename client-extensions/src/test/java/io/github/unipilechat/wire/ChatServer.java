package io.github.unipilechat.wire;

import io.github.unipilechat.UnipileChatClient;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A MockWebServer answering like Unipile, and a client pointed at it; one per test. */
public final class ChatServer implements BeforeEachCallback, AfterEachCallback {
  public static final String API_KEY = "test-key-7f3a9c";
  public static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_1\",\"message_id\":\"msg_1\"}";

  private MockWebServer server;
  private UnipileChatClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey(API_KEY).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.close();
    server.close();
  }

  public MockWebServer server() {
    return server;
  }

  public UnipileChatClient client() {
    return client;
  }

  public void answerCreated() {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json").body(CREATED).build());
  }

  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }

  /** Answers 201, sends nothing else, and returns the one request the client made. */
  public CapturedForm captured() throws InterruptedException {
    return CapturedForm.of(takeRequest());
  }
}
