package io.github.unipilechat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.internal.transport.BaseUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientTargetTest {
  @RegisterExtension final ChatServer chat = new ChatServer();

  @Test
  void dsnMeansHttpsOnThatHostAndPort() {
    assertThat(BaseUrl.fromDsn("api8.unipile.com:13851").toString()).isEqualTo("https://api8.unipile.com:13851/");
  }

  @Test
  void dsnWithSchemeOrPathIsRefused() {
    assertThatThrownBy(() -> BaseUrl.fromDsn("https://api8.unipile.com:13851"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dsn:");
    assertThatThrownBy(() -> BaseUrl.fromDsn("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseUrlPathIsKept() {
    assertThat(BaseUrl.parse("https://proxy.example.com/unipile", false).toString())
        .isEqualTo("https://proxy.example.com/unipile/");
  }

  @Test
  void sharedOkHttpClientIsLeftRunningOnClose() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    UnipileChatClient client = UnipileChatClient.builder().baseUrl(chat.server().url("/").toString())
        .apiKey(ChatServer.API_KEY).okHttpClient(shared).build();
    chat.enqueueCreated();
    client.startChat(StartChatRequest.builder().accountId("a").attendee("b").build());
    client.close();

    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(chat.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void clientToStringHidesTheKey() {
    assertThat(chat.client().toString()).doesNotContain(ChatServer.API_KEY);
  }

  @Test
  void requestToStringShowsShapeNotSecrets() {
    String text = StartChatRequest.builder().accountId("a").attendee("b").text("private words").build().toString();
    assertThat(text).contains("account_id=a").doesNotContain("private words");
  }
}
