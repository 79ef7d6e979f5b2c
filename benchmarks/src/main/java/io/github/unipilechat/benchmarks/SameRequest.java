package io.github.unipilechat.benchmarks;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * The benchmark's request, built both ways: through the client (validated, bracket-encoded) and by hand with
 * OkHttp, part for part the same: a recruiter chat with a follow-up in 5 days and one small attachment.
 */
final class SameRequest {
  static final byte[] ATTACHMENT = "%PDF-1.4 a small attachment for the benchmark\n".repeat(20).getBytes(StandardCharsets.UTF_8);
  private static final MediaType TEXT = MediaType.get("text/plain; charset=UTF-8");
  private static final MediaType PDF = MediaType.get("application/pdf");

  private SameRequest() {}

  static StartChatRequest viaClient() {
    return StartChatRequest.builder()
        .accountId("acc_1")
        .attendee("ACoAAB1")
        .text("A role you might like")
        .attachment(Attachment.of("role.pdf", ATTACHMENT))
        .linkedIn(LinkedInOptions.recruiter(new RecruiterOptions()
            .visibility(RecruiterOptions.VisibilityEnum.PRIVATE)
            .followUp(new FollowUpConfig().subject("Following up").text("Any thoughts?")
                .scheduledTime(new FollowUpConfigScheduledTime().days(5).timezone("Europe/Paris")))))
        .build();
  }

  /** The body the client sends for {@code request}, from the client's own encoder (its parts, in its order). */
  static MultipartBody clientBody(StartChatRequest request) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    request.parts().forEach(part -> body.addPart(part.toOkHttp()));
    return body.build();
  }

  /** The same parts by hand, in the client's canonical order (the spec's property order). */
  static MultipartBody byHand() {
    return new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("account_id", null, RequestBody.create("acc_1", TEXT))
        .addFormDataPart("text", null, RequestBody.create("A role you might like", TEXT))
        .addFormDataPart("attachments", "role.pdf", RequestBody.create(ATTACHMENT, PDF))
        .addFormDataPart("attendees_ids", null, RequestBody.create("ACoAAB1", TEXT))
        .addFormDataPart("linkedin[api]", null, RequestBody.create("recruiter", TEXT))
        .addFormDataPart("linkedin[visibility]", null, RequestBody.create("PRIVATE", TEXT))
        .addFormDataPart("linkedin[follow_up][subject]", null, RequestBody.create("Following up", TEXT))
        .addFormDataPart("linkedin[follow_up][text]", null, RequestBody.create("Any thoughts?", TEXT))
        .addFormDataPart("linkedin[follow_up][scheduled_time][days]", null, RequestBody.create("5", TEXT))
        .addFormDataPart("linkedin[follow_up][scheduled_time][timezone]", null, RequestBody.create("Europe/Paris", TEXT))
        .build();
  }
}
