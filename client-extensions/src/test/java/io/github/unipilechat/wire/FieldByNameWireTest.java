package io.github.unipilechat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.SpecOrder;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.FollowUpConfigScheduledTime;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.wire.CapturedForm.CapturedPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code field(name, ...)}: any field of the spec's form, set by its name and sent by its kind. The fields used are
 * picked from the spec by kind, so the tests hold whatever the spec's list of fields is.
 */
class FieldByNameWireTest {
  private static final FormSchema FORM = StartChat.form();

  @RegisterExtension final ChatServer chat = new ChatServer();

  private static StartChatRequest.Builder minimal() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  /** An optional field of that kind if the spec has one, else any. */
  private static String first(FormField.Kind kind) {
    return FORM.fields().stream().filter(f -> f.kind() == kind)
        .sorted((a, b) -> Boolean.compare(a.required(), b.required())).map(FormField::name).findFirst()
        .orElseThrow(() -> new AssertionError("the spec has no " + kind + " field"));
  }

  @Test
  void aTextFieldByNameIsOneTextPart() throws Exception {
    String name = first(FormField.Kind.TEXT);
    chat.enqueueCreated();
    chat.client().startChat(minimal().field(name, "by name ü").build());

    CapturedPart part = chat.captured().one(name);
    assertThat(part.text()).isEqualTo("by name ü");
    assertThat(part.fileName()).isNull();
    assertThat(part.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void anArrayFieldByNameRepeatsInOrder() throws Exception {
    String name = first(FormField.Kind.TEXT_ARRAY);
    chat.enqueueCreated();
    chat.client().startChat(minimal().field(name, "one").field(name, "two").build());

    assertThat(chat.captured().all(name)).extracting(CapturedPart::text).endsWith("one", "two");
  }

  @Test
  void aFileFieldByNameIsAStreamedFilePart() throws Exception {
    String name = first(FormField.Kind.FILE);
    chat.enqueueCreated();
    chat.client().startChat(minimal().field(name, Attachment.of("note.txt", "hello".getBytes(StandardCharsets.UTF_8))).build());

    CapturedPart part = chat.captured().one(name);
    assertThat(part.fileName()).isEqualTo("note.txt");
    assertThat(part.contentType()).isEqualTo("text/plain");
    assertThat(part.text()).isEqualTo("hello");
  }

  @Test
  void aFileListByNameIsOneFilePartPerFile() throws Exception {
    String name = first(FormField.Kind.FILE_ARRAY);
    chat.enqueueCreated();
    chat.client().startChat(minimal().field(name, Attachment.of("a.pdf", new byte[] {1}))
        .field(name, Attachment.of("b.png", new byte[] {2})).build());

    assertThat(chat.captured().all(name)).extracting(CapturedPart::fileName).containsExactly("a.pdf", "b.png");
  }

  @Test
  void typedSettersAndFieldByNameSendTheSameBytes() throws Exception {
    chat.enqueueCreated();
    chat.enqueueCreated();
    chat.client().startChat(minimal().text("Hello").subject("Hi").build());
    chat.client().startChat(StartChatRequest.builder().field("account_id", "acc_1").field("attendees_ids", "ACoAAB1")
        .field("subject", "Hi").field("text", "Hello").build());

    assertThat(texts(chat.captured())).isEqualTo(texts(chat.captured()));
  }

  @Test
  void partsFollowTheSpecsPropertyOrderWhateverTheBuildOrder() throws Exception {
    chat.enqueueCreated();
    chat.client().startChat(StartChatRequest.builder()
        .linkedIn(LinkedInOptions.fromJson("{\"inmail\":true}")).subject("s").attachment(Attachment.of("a.txt", new byte[1]))
        .text("t").attendee("ACoAAB1").accountId("acc_1").build());

    List<String> topLevel = new ArrayList<>();
    for (String name : chat.captured().names()) {
      String field = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
      if (!topLevel.contains(field)) {
        topLevel.add(field);
      }
    }
    List<String> specOrder = FORM.fields().stream().map(FormField::name).filter(topLevel::contains).toList();
    assertThat(topLevel).isEqualTo(specOrder);
  }

  @Test
  void recruiterFactoryAndJsonSendTheSamePartsInTheSameOrder() throws Exception {
    chat.enqueueCreated();
    chat.enqueueCreated();
    Attachment notes = Attachment.of("notes.txt", "n".getBytes(StandardCharsets.UTF_8));
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.recruiter(new RecruiterOptions()
        .followUp(new FollowUpConfig().text("t").subject("s")
            .scheduledTime(new FollowUpConfigScheduledTime().timezone("Europe/Paris").days(5)))
        .visibility(RecruiterOptions.VisibilityEnum.PROJECT).signature("Jane"), notes)).build());
    chat.client().startChat(minimal().linkedIn(LinkedInOptions.fromJson("""
        {"api":"recruiter","signature":"Jane","visibility":"PROJECT","follow_up":{"subject":"s","text":"t",
         "scheduled_time":{"days":5,"timezone":"Europe/Paris"}}}""", List.of(notes))).build());

    CapturedForm typed = chat.captured();
    CapturedForm json = chat.captured();
    assertThat(typed.names()).isEqualTo(json.names());
    assertThat(texts(typed)).isEqualTo(texts(json));
    // The linkedin parts go out in the order the spec lists the recruiter shape's properties (api first today).
    List<String> sent = typed.names().stream().filter(n -> n.startsWith("linkedin["))
        .map(n -> n.substring("linkedin[".length(), n.indexOf(']'))).distinct().toList();
    assertThat(sent).containsExactlyElementsOf(
        SpecOrder.inOrder(SpecOrder.names(SpecOrder.linkedInShape("recruiter").path("properties")), sent));
  }

  @Test
  void anUnknownNameIsRefusedNamingEveryFieldTheSpecHas() {
    assertThatThrownBy(() -> minimal().field("no_such_field", "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no_such_field")
        .hasMessageContaining(String.join(", ", FORM.fields().stream().map(FormField::name).toList()));
  }

  @Test
  void aFileForATextFieldIsRefused() {
    assertThatThrownBy(() -> minimal().field(first(FormField.Kind.TEXT), Attachment.of("a.txt", new byte[1])))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a file field");
  }

  @Test
  void textForAFileFieldIsRefused() {
    assertThatThrownBy(() -> minimal().field(first(FormField.Kind.FILE), "a value"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is a file field")
        .hasMessageNotContaining("a value");
  }

  @Test
  void aSingleValuedFieldGivenTwiceIsRefused() {
    String name = first(FormField.Kind.TEXT);
    assertThatThrownBy(() -> minimal().field(name, "one").field(name, "two"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("given twice");
  }

  private static List<String> texts(CapturedForm form) {
    return form.parts().stream().map(p -> p.name() + "=" + p.text()).toList();
  }
}
