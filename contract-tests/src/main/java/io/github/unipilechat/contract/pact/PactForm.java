package io.github.unipilechat.contract.pact;

import au.com.dius.pact.consumer.Headers;
import au.com.dius.pact.consumer.dsl.BodyBuilder;
import au.com.dius.pact.consumer.dsl.HttpInteractionBuilder;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.multipart.FormPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The multipart fields a Pact consumer test expects the unipile-chat client to send for one request, in the
 * client's order, as a Pact V4 request body: one part per field, so the pact lists every bracket field and file
 * and Pact JVM (which matches multipart bodies part by part) fails the test when the client sends anything else.
 *
 * <p>Build it from the very request your code sends, {@link #of(StartChatRequest)} or, for any multipart operation,
 * {@link #of(OperationRequest)}: the client's own encoder lists the parts, in its one canonical order (the spec's
 * property order; inside {@code linkedin}, the order of the properties of the shape), whichever way the request was
 * built.
 *
 * <pre>{@code
 * StartChatRequest request = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1").text("Hi")
 *     .linkedIn(LinkedInOptions.recruiter(new RecruiterOptions().signature("Jane"))).build();
 * PactForm form = PactForm.of(request);
 * builder.expectsToReceiveHttpInteraction("start a Recruiter chat", i -> form.describeIn(i)
 *     .withRequest(r -> r.method("POST").path("/api/v1/chats").header("X-API-KEY", Matchers.regexp("\\S+", "k"))
 *         .body(form.toPactBody()))
 *     .willRespondWith(r -> r.status(201) ...));
 * }</pre>
 *
 * <p>Needs Pact JVM's consumer library ({@code au.com.dius.pact.consumer:junit5}) on the test classpath; the
 * contract kit declares it optional. See PACT.md for why the body is written with OkHttp rather than Pact's
 * {@code MultipartBuilder}.
 */
public final class PactForm {
  /** The content type the client gives every text part. */
  public static final String TEXT = "text/plain; charset=UTF-8";
  /** The boundary of the pact's example body; the client's own random boundary matches through a header rule. */
  public static final String BOUNDARY = "pact-unipile-chat-boundary";

  /** One field: a text value, or a file ({@code fileName} non-null) with its content type and bytes. */
  public record Field(String name, String value, String fileName, String contentType, byte[] bytes) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** Whether this part is a file (it has a file name). */
    public boolean isFile() {
      return fileName != null;
    }

    /** {@code linkedin[api] = recruiter}, or {@code attachments = file cv.pdf (application/pdf, 21 bytes)}. */
    public String describe() {
      return isFile()
          ? name + " = file " + fileName + " (" + contentType + ", " + bytes.length + " bytes)"
          : name + " = " + value;
    }
  }

  private final List<Field> fields = new ArrayList<>();

  /**
   * The form the client sends for {@code request}: every part {@link StartChatRequest#parts()} lists, in that
   * order, text parts as text and files with their file name, content type and bytes.
   *
   * @throws IllegalArgumentException when a file is a one-shot stream (its bytes cannot be read twice)
   */
  public static PactForm of(StartChatRequest request) {
    return of(request.parts());
  }

  /**
   * The form the client sends for a request of any multipart operation ({@link OperationRequest#parts()}), in the
   * client's one canonical order, text parts as text and files with their file name, content type and bytes. Its
   * path and query go in the pact as {@link OperationRequest#expandedPath()} and
   * {@link OperationRequest#queryParameters()}; a JSON body goes in as JSON ({@link OperationRequest#json()}; see
   * PACT.md).
   *
   * @throws IllegalArgumentException when the operation's body is not a multipart form (naming what it is), or a file
   *     is a one-shot stream (its bytes cannot be read twice)
   */
  public static PactForm of(OperationRequest request) {
    if (request.parts().isEmpty() && !request.mediaType().map(t -> t.toLowerCase(java.util.Locale.ROOT)
        .startsWith("multipart/")).orElse(false)) {
      throw new IllegalArgumentException(request.operationId() + " takes " + request.mediaType().orElse("no body")
          + ", not a multipart form: put " + (request.json().isPresent() ? "request.json() in the pact as a JSON body"
              : "no body in the pact"));
    }
    return of(request.parts());
  }

  private static PactForm of(List<FormPart> parts) {
    PactForm form = new PactForm();
    for (FormPart part : parts) {
      if (part instanceof FormPart.Text text) {
        form.text(text.name(), text.value());
      } else if (part instanceof FormPart.File file) {
        Attachment attachment = file.attachment();
        if (!attachment.replayable()) {
          throw new IllegalArgumentException(file.name() + ": " + attachment.fileName()
              + " is a one-shot stream; give the pact and the client an attachment that can be read twice (bytes or a path)");
        }
        Buffer bytes = new Buffer();
        try {
          attachment.toRequestBody().writeTo(bytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        form.file(file.name(), attachment.fileName(), attachment.contentType(), bytes.readByteArray());
      }
    }
    return form;
  }

  /** A text field, sent as {@code text/plain; charset=UTF-8} like the client does. */
  public PactForm text(String name, String value) {
    Objects.requireNonNull(value, "value");
    fields.add(new Field(name, value, null, TEXT, value.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** A file field: the client sends the attachment's file name and content type (from its extension). */
  public PactForm file(String name, String fileName, String contentType, byte[] bytes) {
    fields.add(new Field(name, null, Objects.requireNonNull(fileName, "fileName"), contentType, bytes));
    return this;
  }

  /** Appends one part; parts keep the order they are added in, which Pact matches by position. */
  public PactForm add(Field field) {
    fields.add(Objects.requireNonNull(field, "field"));
    return this;
  }

  /** The parts, in order. */
  public List<Field> fields() {
    return List.copyOf(fields);
  }

  /** One line per field, as the interaction's comments show them. */
  public List<String> describe() {
    return fields.stream().map(Field::describe).toList();
  }

  /**
   * Adds one text comment per field to the interaction ({@code multipart field: linkedin[api] = recruiter}): a V4
   * pact stores a multipart body base64-encoded, and the comments keep the pact readable.
   */
  public HttpInteractionBuilder describeIn(HttpInteractionBuilder interaction) {
    describe().forEach(line -> interaction.comment("multipart field: " + line));
    return interaction;
  }

  /** The pact's request body, with the fixed {@link #BOUNDARY}. */
  public BodyBuilder toPactBody() {
    return toPactBody(BOUNDARY);
  }

  /**
   * The pact's request body: a real multipart body with one part per field, written by OkHttp exactly as the
   * client writes its parts, plus the {@code Content-Type} header rule that lets any boundary match.
   */
  public BodyBuilder toPactBody(String boundary) {
    MultipartBody.Builder multipart = new MultipartBody.Builder(boundary).setType(MultipartBody.FORM);
    for (Field field : fields) {
      RequestBody body = RequestBody.create(field.bytes(), MediaType.get(field.contentType()));
      multipart.addPart(MultipartBody.Part.createFormData(field.name(), field.fileName(), body));
    }
    MultipartBody body = multipart.build();
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.readByteArray();
    String contentType = body.contentType().toString();
    return new BodyBuilder() {
      @Override
      public MatchingRuleCategory getMatchers() {
        return new MatchingRuleCategory("body");
      }

      @Override
      public MatchingRuleCategory getHeaderMatchers() {
        MatchingRuleCategory headers = new MatchingRuleCategory("header");
        headers.addRule("Content-Type", new RegexMatcher(Headers.MULTIPART_HEADER_REGEX, contentType));
        return headers;
      }

      @Override
      public Generators getGenerators() {
        return new Generators();
      }

      @Override
      public ContentType getContentType() {
        return new ContentType(contentType);
      }

      @Override
      public byte[] buildBody() {
        return bytes.clone();
      }
    };
  }
}
