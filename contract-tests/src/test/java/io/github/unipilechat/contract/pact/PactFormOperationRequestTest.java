package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.files.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PactForm#of(OperationRequest)}: the form of any multipart operation's request, in the client's order. */
class PactFormOperationRequestTest {
  private static final byte[] PDF = "%PDF-1.4 pact".getBytes(StandardCharsets.UTF_8);

  private static OperationRequest startChat() {
    return OperationRequest.builder("ChatsController_startNewChat")
        .field("account_id", "acc_1").field("attendees_ids", "ACoAAB1").field("text", "Hello")
        .field("attachments", Attachment.of("cv.pdf", PDF))
        .build();
  }

  @Test
  void theFormListsTheSamePartsAsTheTypedRequest() {
    StartChatRequest typed = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").text("Hello")
        .attachment(Attachment.of("cv.pdf", PDF)).build();

    assertThat(PactForm.of(startChat()).describe()).isEqualTo(PactForm.of(typed).describe());
  }

  @Test
  void itsPactBodyConformsToTheOperation() {
    PactForm form = PactForm.of(startChat());
    var body = form.toPactBody();
    PactFile.Message request = new PactFile.Message("POST", startChat().expandedPath(), 0,
        Map.of("X-API-KEY", List.of("k")), Optional.of(body.buildBody()), Optional.of(body.getContentType().toString()));

    assertThat(PactSpecVerifier.bundled().verifyRequest("start a chat", request)).isEmpty();
  }
}
