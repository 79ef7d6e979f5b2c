package io.github.unipilechat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.FieldNames;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.OperationMatch;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send to {@code POST /api/v1/chats}. Immutable; {@link Builder#build()} refuses a request that
 * breaks the provider's contract, so nothing invalid is ever sent.
 *
 * <p>A convenience over the operation-generic {@link OperationRequest} ({@link #operationRequest()}): every field is
 * held by its spec name and sent in the spec's property order ({@link #parts()}); the typed builder methods are
 * shortcuts for {@link Builder#field(String, String)} and {@link Builder#field(String, Attachment)}, which also reach
 * any field the provider adds upstream.
 */
public final class StartChatRequest {
  static final String ACCOUNT_ID = "account_id";
  static final String ATTENDEES_IDS = "attendees_ids";
  static final String TEXT = "text";
  static final String SUBJECT = "subject";
  static final String ATTACHMENTS = "attachments";
  static final String VOICE_MESSAGE = "voice_message";
  static final String VIDEO_MESSAGE = "video_message";
  static final String LINKEDIN = "linkedin";

  /** Start-chat is the operation at its path, whatever its id: the one place this class names it. */
  private static final Operation START_CHAT = StartChat.operation(SpecModel.bundled());
  private static final FormSchema FORM = FormSchema.of(SpecModel.bundled(), START_CHAT);

  private final OperationRequest request;
  private final LinkedInOptions linkedIn;

  private StartChatRequest(OperationRequest request, LinkedInOptions linkedIn) {
    this.request = request;
    this.linkedIn = linkedIn;
  }

  /** A builder; {@link Builder#build()} checks the result against the spec. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same request as the operation-generic core sends it. */
  public OperationRequest operationRequest() {
    return request;
  }

  /** The sending account, {@code account_id}. */
  public String accountId() {
    return value(ACCOUNT_ID).orElse(null);
  }

  /** The recipients, {@code attendees_ids}, in the order given. */
  public List<String> attendeeIds() {
    return values(ATTENDEES_IDS);
  }

  /** The message, {@code text}, when set. */
  public Optional<String> text() {
    return value(TEXT);
  }

  /** The subject, {@code subject}, when set (InMail and email). */
  public Optional<String> subject() {
    return value(SUBJECT);
  }

  /** The files sent as {@code attachments}, in the order given. */
  public List<Attachment> attachments() {
    return files(ATTACHMENTS);
  }

  /** The {@code voice_message} file, when set. */
  public Optional<Attachment> voiceMessage() {
    return files(VOICE_MESSAGE).stream().findFirst();
  }

  /** The {@code video_message} file, when set. */
  public Optional<Attachment> videoMessage() {
    return files(VIDEO_MESSAGE).stream().findFirst();
  }

  /** The typed LinkedIn options, when set through {@link Builder#linkedIn}. */
  public Optional<LinkedInOptions> linkedIn() {
    return Optional.ofNullable(linkedIn);
  }

  /** The text values of the field {@code name} (one for a text field, each element for an array); empty if unset. */
  public List<String> values(String name) {
    return request.values(name);
  }

  /** The files of the file field {@code name}; empty if unset. */
  public List<Attachment> files(String name) {
    return request.files(name);
  }

  /** The object field {@code name} as spec-shaped JSON without its files (a copy), if set. */
  public Optional<ObjectNode> object(String name) {
    return request.object(name);
  }

  /**
   * The parts this request is sent as, in the one canonical order: the spec's property order, and inside an object
   * field the order of the properties of the branch it takes, however the request was built. Pact JVM matches
   * multipart parts by position, so a pact built from these (see the contract kit's {@code PactForm.of}) matches.
   */
  public List<FormPart> parts() {
    return request.parts();
  }

  /** Whether every file can be written again, which a retry needs (a stream cannot). */
  public boolean replayable() {
    return request.replayable();
  }

  private Optional<String> value(String name) {
    return values(name).stream().findFirst();
  }

  /** Values are left out on purpose (they are messages and ids): names, counts and sizes only. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("StartChatRequest{");
    String separator = "";
    for (FormField field : FORM.fields()) {
      String name = field.name();
      String shown = switch (field.kind()) {
        case TEXT -> values(name).isEmpty() ? null : describeTexts(values(name)).get(0);
        case TEXT_ARRAY -> values(name).isEmpty() ? null : describeTexts(values(name)).toString();
        case FILE, FILE_ARRAY -> files(name).isEmpty() ? null : files(name).toString();
        case OBJECT -> name.equals(LINKEDIN) && linkedIn != null ? linkedIn.toString()
            : object(name).map(o -> o.size() + " properties").orElse(null);
      };
      if (shown != null) {
        s.append(separator).append(name).append('=').append(shown);
        separator = ", ";
      }
    }
    return s.append('}').toString();
  }

  /** An id-like value (short, no spaces) is shown; a message is shown as its length. */
  private static List<String> describeTexts(List<String> values) {
    return values.stream()
        .map(value -> value.length() <= 64 && value.chars().noneMatch(Character::isWhitespace) ? value
            : value.length() + " chars").toList();
  }

  /**
   * Builds a {@link StartChatRequest}. Every setter names a field of the spec's form; a field the spec does not
   * have is refused when set, naming the ones it has.
   */
  public static final class Builder {
    private final OperationRequest.Builder request = OperationRequest.builder(START_CHAT.id());
    private LinkedInOptions linkedIn;

    private Builder() {}

    /**
     * Whether {@link #build()} lets through what the spec does not describe: a key no schema lists (such as
     * {@code linkedin.foo}, or {@code follow_up} under the classic shape) and a value matching several of an
     * {@code anyOf}'s branches at once ({@code days} with {@code weeks}). Valid by the spec's letter, but the provider
     * may silently ignore them, so by default they are refused as {@code NOT_DESCRIBED} findings, apart from the
     * rules the spec states (which are always refused). Even with it, a second value for a field or key, a value a
     * rule refuses, and a name or key holding {@code [}, {@code ]} or a control character are refused. The mock server ({@code MockUnipileServer.Builder
     * .acceptNotDescribed}, {@code mock-server --accept-not-described}) and {@code verify-pact}
     * ({@code --accept-not-described}) have the same switch. Set it before {@link #field(String, String)} for a
     * top-level name the spec does not have.
     */
    public Builder acceptNotDescribed(boolean acceptNotDescribed) {
      request.acceptNotDescribed(acceptNotDescribed);
      return this;
    }

    /** The Unipile account the message is sent from ({@code account_id}). Required. */
    public Builder accountId(String accountId) {
      return replaceText(ACCOUNT_ID, accountId);
    }

    /**
     * Adds an attendee ({@code attendees_ids}): a provider id; for Instagram the {@code provider_messaging_id}.
     * At least one.
     */
    public Builder attendee(String attendeeId) {
      Objects.requireNonNull(attendeeId, "attendeeId");
      request.field(textField(ATTENDEES_IDS).name(), attendeeId);
      return this;
    }

    /** Adds each attendee, in order (see {@link #attendee(String)}). */
    public Builder attendees(List<String> attendeeIds) {
      attendeeIds.forEach(this::attendee);
      return this;
    }

    /**
     * The first message ({@code text}); LinkedIn Recruiter accepts a few HTML tags. Null or empty means not set; a
     * text of only spaces or line breaks is refused by {@link #build()}, like a blank id.
     */
    public Builder text(String text) {
      return replaceText(TEXT, text);
    }

    /** The conversation's subject ({@code subject}). Null or empty: not set. */
    public Builder subject(String subject) {
      return replaceText(SUBJECT, subject);
    }

    /** Adds a file to {@code attachments}, sent as one file part in the order added. */
    public Builder attachment(Attachment attachment) {
      Objects.requireNonNull(attachment, "attachment");
      request.field(fileField(ATTACHMENTS).name(), attachment);
      return this;
    }

    /** Adds each file to {@code attachments}, in order. */
    public Builder attachments(List<Attachment> attachments) {
      attachments.forEach(this::attachment);
      return this;
    }

    /** The {@code voice_message} file (LinkedIn messaging only); null: not set. */
    public Builder voiceMessage(Attachment voiceMessage) {
      request.replace(fileField(VOICE_MESSAGE).name(), voiceMessage);
      return this;
    }

    /** The {@code video_message} file (LinkedIn messaging only); null: not set. */
    public Builder videoMessage(Attachment videoMessage) {
      request.replace(fileField(VIDEO_MESSAGE).name(), videoMessage);
      return this;
    }

    /**
     * The {@code linkedin} options, e.g. {@code LinkedInOptions.recruiter(...)} or {@code LinkedInOptions.fromJson(...)},
     * sent as bracket fields ({@code linkedin[api]=recruiter}); null: not set.
     */
    public Builder linkedIn(LinkedInOptions linkedIn) {
      String name = objectField(LINKEDIN).name();
      this.linkedIn = linkedIn;
      request.object(name, linkedIn == null ? null : linkedIn.fields(), linkedIn == null ? null : linkedIn.files());
      return this;
    }

    /**
     * Sets any non-file field by its spec name, including one the provider added after this SDK was written: a
     * text field takes one value (an empty value means not set), an array field one element per call (repeat
     * the call), an object field its JSON ({@code linkedin} as {@link LinkedInOptions#fromJson(String)} reads it),
     * or one key of it by a bracket name, as the provider reads the form: {@code field("linkedin[api]", "recruiter")}
     * then {@code field("linkedin[signature]", "Jane")} (a number or boolean is read as the spec types the key).
     *
     * <p>A name the spec does not have is refused, naming the ones it has, unless {@link #acceptNotDescribed(boolean)}
     * was switched on before: then it is sent as a text part after the spec's fields. Either way a field has one
     * source and single-valued fields one value: an object given whole and by bracket names (or by
     * {@link #linkedIn} and by name), a name or key given twice, a name holding a control character (ESC, DEL...),
     * and a bracket name that is not an object field and its keys are refused.
     *
     * @throws InvalidRequestException when the spec has no such field (naming the ones it has), the field is a
     *     file field, a single-valued field or key is given twice, an object is given twice, the name is malformed,
     *     or an object's JSON is malformed
     */
    public Builder field(String name, String value) {
      Objects.requireNonNull(value, "value");
      if (LINKEDIN.equals(name) && FORM.field(name).map(f -> f.kind() == FormField.Kind.OBJECT).orElse(false)) {
        LinkedInOptions options = LinkedInOptions.fromJson(value);
        request.field(name, value); // one source: refused when linkedin was given before, whole or key by key
        return linkedIn(options);
      }
      request.field(name, value);
      return this;
    }

    /**
     * Sets a file field by its spec name, including one the provider added: a single-file field takes one file,
     * a file-list field one file per call (repeat the call), sent in the order given.
     *
     * @throws InvalidRequestException when the spec has no such field (naming the ones it has), the field is not
     *     a file field, or a single-file field is given twice
     */
    public Builder field(String name, Attachment file) {
      if (name != null && FieldNames.controlAt(name) >= 0) {
        throw new InvalidRequestException(FieldNames.shown(name), FieldNames.refusal(name));
      }
      FORM.require(name);
      request.field(name, file);
      return this;
    }

    /**
     * Checks the request against the spec's form schema (required fields, types, lengths, enums, the LinkedIn
     * shape's own rules) and builds it.
     *
     * @throws InvalidRequestException naming each field and rule broken
     */
    public StartChatRequest build() {
      return new StartChatRequest(request.build(), linkedIn);
    }

    private Builder replaceText(String name, String value) {
      request.replace(textField(name).name(), value);
      return this;
    }

    private static FormField textField(String name) {
      return kind(name, false);
    }

    private static FormField fileField(String name) {
      return kind(name, true);
    }

    private static FormField objectField(String name) {
      FormField field = FORM.require(name);
      if (field.kind() != FormField.Kind.OBJECT) {
        throw new InvalidRequestException(name, "is no longer an object field in the spec");
      }
      return field;
    }

    /** A typed setter's field must still exist and be of its kind: the spec, not this class, has the last word. */
    private static FormField kind(String name, boolean file) {
      FormField field = FORM.require(name);
      if (field.kind().isFile() != file || field.kind() == FormField.Kind.OBJECT) {
        throw new InvalidRequestException(name, "is a " + field.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " field in the spec");
      }
      return field;
    }
  }
}
