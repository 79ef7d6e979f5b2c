package io.github.unipilechat.wire;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.retry.RecordingSleeper;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer answering like Unipile, and a client pointed at it whose retry waits are recorded, not slept.
 * One per test.
 */
public final class ChatServer implements BeforeEachCallback, AfterEachCallback {
  public static final String API_KEY = "sk-live-9f8e7d6c5b4a";
  public static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"chat_1\",\"message_id\":\"msg_1\"}";

  private MockWebServer server;
  private UnipileChatClient client;
  private RecordingSleeper sleeper;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new MockWebServer();
    server.start(0);
    sleeper = new RecordingSleeper();
    client = builder().build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.close();
    server.close();
  }

  /** A builder for another client at the same server, sharing the recording sleeper. */
  public UnipileChatClient.Builder builder() {
    return UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey(API_KEY)
        .retryPolicy(sleeper.policy());
  }

  public MockWebServer server() {
    return server;
  }

  public UnipileChatClient client() {
    return client;
  }

  public RecordingSleeper sleeper() {
    return sleeper;
  }

  public int requests() {
    return server.getRequestCount();
  }

  public void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  public void enqueueCreated() {
    enqueue(201, CREATED);
  }

  public RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }

  /** The multipart form of the next request the client made. */
  public CapturedForm captured() throws InterruptedException {
    return CapturedForm.of(take());
  }

  public static StartChatRequest request() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB123").text("Hello").build();
  }

  /** The provider's error JSON. */
  public static String errorJson(int status, String type, String title, String detail) {
    return "{\"title\":\"" + title + "\",\"detail\":\"" + detail + "\",\"instance\":\"/api/v1/chats#req-42\",\"type\":\""
        + type + "\",\"status\":" + status + "}";
  }
}
