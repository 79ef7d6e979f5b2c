package com.example.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.JournalEntry;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockUnipileExtension.class)
class OutreachTest {

  @Test
  void contactsTheCandidateWithARecruiterFollowUp(MockUnipileServer mock) {
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("example-key").build()) {
      String chatId = new Outreach(client, "acc_1").contact("ACoAAB1");

      assertFalse(chatId.isBlank());
      JournalEntry sent = mock.journal().last();
      assertEquals(201, sent.status());
      assertEquals("recruiter", sent.fields().at("/linkedin/api").asText());
      assertEquals(5, sent.fields().at("/linkedin/follow_up/scheduled_time/days").asInt());
    }
  }
}
