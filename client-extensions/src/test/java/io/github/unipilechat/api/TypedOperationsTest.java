package io.github.unipilechat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.wire.CallMode;
import io.github.unipilechat.wire.CapturedForm;
import io.github.unipilechat.wire.ChatServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The typed calls generated from the spec: names and types from it, the hand-written core underneath. */
class TypedOperationsTest {
  @RegisterExtension
  final ChatServer server = new ChatServer();

  @Test
  void aTypedCallSendsEachSetterUnderItsSpecNameAndReadsTheTypedAnswer() throws Exception {
    server.enqueueCreated();
    ChatsControllerStartNewChat201Response started = new MessagingOperations(server.client())
        .startNewChat(MessagingOperations.StartNewChatRequest.builder()
            .accountId("acc_1").attendeesIds(List.of("ACoAAB1", "ACoAAB2")).text("Hello")
            .attachments(List.of(Attachment.of("a.txt", "x".getBytes(StandardCharsets.UTF_8))))
            .linkedin(new RecruiterOptions().api(RecruiterOptions.ApiEnum.RECRUITER).signature("Jane"))
            .build());

    CapturedForm form = server.captured();
    assertThat(form.text("account_id")).isEqualTo("acc_1");
    assertThat(form.all("attendees_ids")).extracting(CapturedForm.CapturedPart::text).containsExactly("ACoAAB1", "ACoAAB2");
    assertThat(form.text("linkedin[api]")).isEqualTo("recruiter");
    assertThat(form.text("linkedin[signature]")).isEqualTo("Jane");
    assertThat(form.one("attachments").fileName()).isEqualTo("a.txt");
    assertThat(started.getChatId()).isEqualTo("chat_1");
  }

  @ParameterizedTest
  @EnumSource(CallMode.class)
  void blockingAndAsyncReadTheSameAnswer(CallMode mode) {
    server.enqueueCreated();
    MessagingOperations messaging = new MessagingOperations(server.client());
    MessagingOperations.StartNewChatRequest request = MessagingOperations.StartNewChatRequest.builder()
        .accountId("acc_1").attendeesIds(List.of("ACoAAB1")).build();
    ChatsControllerStartNewChat201Response started = mode == CallMode.BLOCKING ? messaging.startNewChat(request)
        : messaging.startNewChatAsync(request).join();
    assertThat(started.getMessageId()).isEqualTo("msg_1");
  }

  @Test
  void aTypedRequestIsCheckedAgainstTheSpecWhenBuilt() {
    assertThatThrownBy(() -> MessagingOperations.StartNewChatRequest.builder().text("Hello").build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("account_id: is required");
    assertThat(server.requests()).isZero();
  }
}
