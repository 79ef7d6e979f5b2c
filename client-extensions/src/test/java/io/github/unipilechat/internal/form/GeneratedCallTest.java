package io.github.unipilechat.internal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import org.junit.jupiter.api.Test;

/** The generated method is found by path and its part slot by annotation and type, wherever they sit. */
class GeneratedCallTest {
  record Answer(String id) {}

  interface Reordered {
    @Multipart
    @POST("api/v1/chats")
    Call<Answer> start(@Part("subject") String subject, @Part("attendees_ids") List<String> ids,
        @Part MultipartBody.Part files, @Part("text") String text);

    @POST("api/v1/other")
    Call<Answer> other(@Part MultipartBody.Part files);
  }

  interface OnlyNamedBodies {
    @Multipart
    @POST("/api/v1/chats")
    Call<Answer> start(@Part("text") String text, @Part("blob") RequestBody blob);
  }

  interface NoPartSlot {
    @Multipart
    @POST("api/v1/chats")
    Call<Answer> start(@Part("text") String text);
  }

  @Test
  void theSlotIsFoundWhereverTheGeneratorPutsIt() {
    GeneratedCall call = GeneratedCall.find(Reordered.class, "/api/v1/chats", Answer.class);

    assertThat(call.method().getName()).isEqualTo("start");
    assertThat(call.partSlot()).isEqualTo(2);
  }

  @Test
  void aNamedRequestBodySlotCarriesTheGroupsBody() {
    GeneratedCall call = GeneratedCall.find(OnlyNamedBodies.class, "/api/v1/chats", Answer.class);
    MultipartBody.Part group = MultipartBody.Part.createFormData("x", "y");

    assertThat(call.partSlot()).isEqualTo(1);
    assertThat(call.wrap(group)).isSameAs(group.body());
  }

  @Test
  void noPartSlotIsALoudFailure() {
    assertThatThrownBy(() -> GeneratedCall.find(NoPartSlot.class, "/api/v1/chats", Answer.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no @Part");
  }

  @Test
  void anotherPathIsNotTaken() {
    assertThatThrownBy(() -> GeneratedCall.find(Reordered.class, "/api/v1/messages", Answer.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("found 0");
  }
}
