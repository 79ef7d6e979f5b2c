package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.api.MessagingOperations;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** README, Every operation of the document: the typed call and the generic one, against the kit's mock. */
@ExtendWith(MockUnipileExtension.class)
class OperationsSnippetTest {
  @Test
  void callsAnOperationTypedAndByName(MockUnipileServer mock) {
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("test").build()) {
      // README snippet

      assertThat(started.getChatId()).isNotBlank();
      assertThat(same.status()).isEqualTo(201);
      assertThat(mock.journal().last().status()).isEqualTo(201);
    }
  }
}
