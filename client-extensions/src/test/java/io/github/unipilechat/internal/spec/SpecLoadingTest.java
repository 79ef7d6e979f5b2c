package io.github.unipilechat.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.internal.validation.RequestCheck;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec file is read and checked before the model is built: nothing it names is fetched or opened, by this code or
 * by the schema engine, and whatever is wrong is one line naming the file, never its content.
 */
class SpecLoadingTest {
  private static final String FORM = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";
  private static final String CREATED = "/paths/~1api~1v1~1chats/post/responses/201/content/application~1json/schema";

  @TempDir Path dir;
  private final Loopback loopback = new Loopback();

  SpecLoadingTest() throws Exception {}

  @AfterEach
  void stop() {
    loopback.close();
  }

  private Path spec(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode doc = ProviderSpec.document().deepCopy();
    edit.accept(doc);
    return Files.writeString(dir.resolve("spec.json"), doc.toString());
  }

  private static ObjectNode at(ObjectNode doc, String pointer) {
    return (ObjectNode) doc.at(pointer);
  }

  /** Builds the model and uses it as the tools do: checks a request, compiles the 201 schema. */
  private static void use(Path spec) {
    SpecModel model = SpecModel.fromFile(spec);
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("account_id", "a").put("subject", "s");
    request.putArray("attendees_ids").add("b");
    Operation startChat = StartChat.operation(model);
    RequestCheck.of(model, startChat).check(request, Set.of());
    ResponseSpec.of(model.document(), startChat).response(201).orElseThrow().values().forEach(media -> media.compiled());
  }

  @Test
  void aSubjectReferringToAUrlIsRefusedAndNothingIsFetched() throws Exception {
    Path spec = spec(doc -> at(doc, FORM + "/properties").putObject("subject").put("$ref", loopback.url("/y.json")));

    Throwable thrown = catchThrowable(() -> use(spec));

    assertThat(loopback.requests()).isEmpty();
    assertThat(thrown).isInstanceOf(UncheckedIOException.class).hasMessage("cannot read the spec " + spec + ": $ref at "
        + FORM + "/properties/subject refers outside the document; only references to a place inside it (#/...) are"
        + " followed, nothing is fetched or opened");
  }

  @Test
  void aCreatedChatIdReferringToAUrlIsRefusedAndNothingIsFetched() throws Exception {
    Path spec = spec(doc -> at(doc, CREATED + "/properties").putObject("chat_id").put("$ref", loopback.url("/y.json")));

    Throwable thrown = catchThrowable(() -> use(spec));

    assertThat(loopback.requests()).isEmpty();
    assertThat(thrown).hasMessageContaining("$ref at " + CREATED + "/properties/chat_id refers outside the document");
  }

  @Test
  void aRefToALocalFileIsRefusedAndNotOpened() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.json"), "{\"type\": \"string\", \"description\": \"sk_live_x\"}");
    Path spec = spec(doc -> at(doc, FORM + "/properties").putObject("subject").put("$ref", secret.toUri().toString()));

    Throwable thrown = catchThrowable(() -> use(spec));

    assertThat(thrown).hasMessageContaining("refers outside the document").hasMessageNotContaining("sk_live");
  }

  @Test
  void aCycleOfTwoRefsIsASpecErrorNotAStackOverflow() throws Exception {
    Path spec = spec(doc -> {
      ObjectNode schemas = doc.withObject("/components").withObject("/schemas");
      schemas.putObject("A").put("$ref", "#/components/schemas/B");
      schemas.putObject("B").put("$ref", "#/components/schemas/A");
      at(doc, FORM + "/properties").putObject("subject").put("$ref", "#/components/schemas/A");
    });

    Throwable thrown = catchThrowable(() -> use(spec));

    assertThat(thrown).isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot read the spec " + spec + ": $ref at ")
        .hasMessageContaining("is part of a cycle");
  }

  @Test
  void aMetaSchemaNamedByUrlIsNeverFetchedByTheEngine() throws Exception {
    // $schema is not a $ref: the document check leaves it to the engine, which is set up to load nothing.
    ObjectNode doc = ProviderSpec.document().deepCopy();
    at(doc, FORM).put("$schema", loopback.url("/meta.json"));

    Throwable thrown = catchThrowable(() -> {
      ObjectNode request = JsonNodeFactory.instance.objectNode().put("account_id", "a");
      request.putArray("attendees_ids").add("b");
      StartChat.check(SpecModel.of(doc)).check(request, Set.of());
    });

    assertThat(loopback.requests()).isEmpty();
    assertThat(thrown).isNotNull();
  }

  @Test
  void anIdNamingAServerIsNeverFetchedByTheEngine() throws Exception {
    ObjectNode doc = ProviderSpec.document().deepCopy();
    ObjectNode created = at(doc, CREATED);
    created.put("id", loopback.url("/base.json"));
    created.withObject("/properties").putObject("chat_id").put("$ref", "other.json");
    JsonNode schema = created;

    catchThrowable(() -> SchemaEngine.draft4(b -> { }).getSchema(schema).validate(
        JsonNodeFactory.instance.objectNode().put("chat_id", "x")));

    assertThat(loopback.requests()).isEmpty();
  }

  @Test
  void aKeyFileGivenAsTheSpecIsNeverQuoted() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("unipile.key"), "sk_live_51HqLyjWDarjtT1zdp7dcXkqYQx4Z");

    assertThatThrownBy(() -> SpecModel.fromFile(keyFile))
        .hasMessage("cannot read the spec " + keyFile + ": not JSON: line 1, column 1")
        .satisfies(e -> assertThat(e.getCause().toString()).doesNotContain("sk_live"));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void devZeroAsTheSpecIsRefusedAtOnce() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));

    assertThatThrownBy(() -> SpecModel.fromFile(zero)).hasMessageStartingWith("cannot read the spec /dev/zero: not a regular file");
  }

  @Test
  void aFifoAsTheSpecIsRefusedWithoutWaiting() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(Fifo.thrownWithin(20, fifo, () -> SpecModel.fromFile(fifo))).hasMessageContaining("not a regular file");
  }
}
