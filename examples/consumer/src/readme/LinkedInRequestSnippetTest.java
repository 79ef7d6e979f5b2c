package com.example.outreach.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** README, LinkedIn options: putting them into a request, sent to the mock server. */
@ExtendWith(MockUnipileExtension.class)
class LinkedInRequestSnippetTest {
  @Test
  void sendsTheOptions(MockUnipileServer mock) {
    LinkedInOptions recruiter = LinkedInOptions.recruiter(new RecruiterOptions()
        .followUp(new FollowUpConfig().subject("Following up").text("Any thoughts?")
            .scheduledTime(new FollowUpConfigScheduledTime().days(5).timezone("Europe/Paris"))));
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("test").build()) {
      // README snippet
    }
    assertThat(mock.journal().last().fields().at("/linkedin/api").asText()).isEqualTo("recruiter");
  }
}
