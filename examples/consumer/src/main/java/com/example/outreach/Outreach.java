package com.example.outreach;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;

/** A consuming service's code: contact a candidate through LinkedIn Recruiter, with a follow-up in five days. */
public final class Outreach {
  private final UnipileChatClient client;
  private final String accountId;

  public Outreach(UnipileChatClient client, String accountId) {
    this.client = client;
    this.accountId = accountId;
  }

  public String contact(String candidate) {
    return client.startChat(request(accountId, candidate)).chatId().orElseThrow();
  }

  /** What {@link #contact} sends, built in one place so the Pact test describes exactly this request. */
  public static StartChatRequest request(String accountId, String candidate) {
    return StartChatRequest.builder()
        .accountId(accountId)
        .attendee(candidate)
        .text("A role you might like")
        .linkedIn(LinkedInOptions.recruiter(new RecruiterOptions()
            .visibility(RecruiterOptions.VisibilityEnum.PRIVATE)
            .followUp(new FollowUpConfig()
                .subject("Following up")
                .text("Any thoughts on the role?")
                .scheduledTime(new FollowUpConfigScheduledTime().days(5).timezone("Europe/Paris")))))
        .build();
  }
}
