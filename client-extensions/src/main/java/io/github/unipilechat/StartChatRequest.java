package io.github.unipilechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.form.ObjectParts;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.internal.validation.RequestRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to send to {@code POST /api/v1/chats}. Immutable; {@link Builder#build()} refuses a request that
 * breaks the provider's contract, so nothing invalid is ever sent.
 *
 * <p>Every field is held by its spec name and sent in the spec's property order ({@link #parts()}); the typed
 * builder methods are conveniences over {@link Builder#field(String, String)} and
 * {@link Builder#field(String, Attachment)}, which also reach any field the provider adds upstream.
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

  private static final FormSchema FORM = FormSchema.provider();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, List<String>> texts;
  private final Map<String, List<Attachment>> files;
  private final Map<String, ObjectNode> objects;
  private final Map<String, Map<String, List<Attachment>>> objectFiles;
  private final LinkedInOptions linkedIn;
  private final List<FormPart> parts;
  private final boolean replayable;

  private StartChatRequest(Builder builder) {
    // Objects are only looked up by name: compact immutable copies do.
    this.texts = copy(builder.texts);
    this.files = copy(builder.files);
    this.objects = Map.copyOf(builder.objects);
    this.objectFiles = Map.copyOf(builder.objectFiles);
    this.linkedIn = builder.linkedIn;
    this.parts = List.copyOf(encode());
    boolean everyFileReplayable = true;
    for (FormPart part : parts) {
      everyFileReplayable &= !(part instanceof FormPart.File file) || file.attachment().replayable();
    }
    this.replayable = everyFileReplayable;
  }

  /** A builder; {@link Builder#build()} checks the result against the spec. */
  public static Builder builder() {
    return new Builder();
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
    return texts.getOrDefault(name, List.of());
  }

  /** The files of the file field {@code name}; empty if unset. */
  public List<Attachment> files(String name) {
    return files.getOrDefault(name, List.of());
  }

  /** The object field {@code name} as spec-shaped JSON without its files (a copy), if set. */
  public Optional<ObjectNode> object(String name) {
    return Optional.ofNullable(objects.get(name)).map(ObjectNode::deepCopy);
  }

  /**
   * The parts this request is sent as, in the one canonical order: the spec's property order, and inside an object
   * field the order of the properties of the branch it takes, however the request was built. Pact JVM matches
   * multipart parts by position, so a pact built from these (see the contract kit's {@code PactForm.of}) matches.
   */
  public List<FormPart> parts() {
    return parts;
  }

  /** Whether every file can be written again, which a retry needs (a stream cannot). */
  public boolean replayable() {
    return replayable;
  }

  private Optional<String> value(String name) {
    return values(name).stream().findFirst();
  }

  private List<FormPart> encode() {
    List<FormPart> encoded = new ArrayList<>();
    for (FormField field : FORM.fields()) {
      String name = field.name();
      switch (field.kind()) {
        case TEXT, TEXT_ARRAY -> values(name).forEach(value -> encoded.add(new FormPart.Text(name, value)));
        case FILE, FILE_ARRAY -> files(name).forEach(file -> encoded.add(new FormPart.File(name, file)));
        case OBJECT -> {
          ObjectNode tree = objects.get(name);
          if (tree != null) {
            encoded.addAll(ObjectParts.encode(FORM, name, field.schema(), tree, objectFiles.getOrDefault(name, Map.of())));
          }
        }
      }
    }
    // Fields the spec does not describe (only with acceptNotDescribed), after the spec's, in the order given.
    texts.forEach((name, values) -> {
      if (FORM.field(name).isEmpty()) {
        values.forEach(value -> encoded.add(new FormPart.Text(name, value)));
      }
    });
    return encoded;
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }

  /** Values are left out on purpose (they are messages and ids): names, counts and sizes only. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("StartChatRequest{");
    String separator = "";
    for (FormField field : FORM.fields()) {
      String name = field.name();
      String shown = switch (field.kind()) {
        case TEXT -> texts.containsKey(name) ? describeTexts(values(name)).get(0) : null;
        case TEXT_ARRAY -> texts.containsKey(name) ? describeTexts(values(name)).toString() : null;
        case FILE, FILE_ARRAY -> files.containsKey(name) ? files(name).toString() : null;
        case OBJECT -> name.equals(LINKEDIN) && linkedIn != null ? linkedIn.toString()
            : objects.containsKey(name) ? objects.get(name).size() + " properties" : null;
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
    private final Map<String, List<String>> texts = new LinkedHashMap<>();
    private final Map<String, List<Attachment>> files = new LinkedHashMap<>();
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Attachment>>> objectFiles = new LinkedHashMap<>();
    private LinkedInOptions linkedIn;
    private boolean acceptNotDescribed;

    private Builder() {}

    /**
     * Whether {@link #build()} lets through what the spec does not describe: a key no schema lists (such as
     * {@code linkedin.foo}, or {@code follow_up} under the classic shape) and a value matching several of an
     * {@code anyOf}'s branches at once ({@code days} with {@code weeks}). Valid by the spec's letter, but the provider
     * may silently ignore them, so by default they are refused as {@code NOT_DESCRIBED} findings, apart from the
     * rules the spec states (which are always refused). The mock server ({@code MockUnipileServer.Builder
     * .acceptNotDescribed}, {@code mock-server --accept-not-described}) and {@code verify-pact}
     * ({@code --accept-not-described}) have the same switch. Set it before {@link #field(String, String)} for a
     * top-level name the spec does not have.
     */
    public Builder acceptNotDescribed(boolean acceptNotDescribed) {
      this.acceptNotDescribed = acceptNotDescribed;
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
      texts.computeIfAbsent(textField(ATTENDEES_IDS).name(), k -> new ArrayList<>()).add(attendeeId);
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
      files.computeIfAbsent(fileField(ATTACHMENTS).name(), k -> new ArrayList<>()).add(attachment);
      return this;
    }

    /** Adds each file to {@code attachments}, in order. */
    public Builder attachments(List<Attachment> attachments) {
      attachments.forEach(this::attachment);
      return this;
    }

    /** The {@code voice_message} file (LinkedIn messaging only); null: not set. */
    public Builder voiceMessage(Attachment voiceMessage) {
      return replaceFile(VOICE_MESSAGE, voiceMessage);
    }

    /** The {@code video_message} file (LinkedIn messaging only); null: not set. */
    public Builder videoMessage(Attachment videoMessage) {
      return replaceFile(VIDEO_MESSAGE, videoMessage);
    }

    /**
     * The {@code linkedin} options, e.g. {@code LinkedInOptions.recruiter(...)} or {@code LinkedInOptions.fromJson(...)},
     * sent as bracket fields ({@code linkedin[api]=recruiter}); null: not set.
     */
    public Builder linkedIn(LinkedInOptions linkedIn) {
      String name = objectField(LINKEDIN).name();
      this.linkedIn = linkedIn;
      if (linkedIn == null) {
        objects.remove(name);
        objectFiles.remove(name);
      } else {
        objects.put(name, linkedIn.fields());
        objectFiles.put(name, linkedIn.files());
      }
      return this;
    }

    /**
     * Sets any non-file field by its spec name, including one the provider added after this SDK was written: a
     * text field takes one value (an empty value means not set), an array field one element per call (repeat
     * the call), an object field its JSON ({@code linkedin} as {@link LinkedInOptions#fromJson(String)} reads it).
     *
     * <p>A name the spec does not have is refused, naming the ones it has, unless {@link #acceptNotDescribed(boolean)}
     * was switched on before: then it is sent as a text part after the spec's fields.
     *
     * @throws InvalidRequestException when the spec has no such field (naming the ones it has), the field is a
     *     file field, a single-valued field is given twice, or an object's JSON is malformed
     */
    public Builder field(String name, String value) {
      Objects.requireNonNull(value, "value");
      FormField field = FORM.field(name).orElse(null);
      if (field == null) {
        if (acceptNotDescribed && name != null && !name.isBlank()) {
          texts.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
          return this;
        }
        throw new InvalidRequestException(List.of(new InvalidRequestException.Violation(name == null ? "field" : name,
            "is not described by the spec; the provider may ignore it (the spec's fields: "
                + String.join(", ", FORM.fields().stream().map(FormField::name).toList()) + ")",
            InvalidRequestException.Violation.Kind.NOT_DESCRIBED)));
      }
      switch (field.kind()) {
        case TEXT -> {
          if (texts.containsKey(name)) {
            throw new InvalidRequestException(name, "takes one value; it was given twice");
          }
          if (!value.isEmpty()) {
            texts.put(name, new ArrayList<>(List.of(value)));
          }
        }
        case TEXT_ARRAY -> texts.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        case FILE, FILE_ARRAY -> throw new InvalidRequestException(name,
            "is a file field: give it a file (field(name, Attachment), or --field " + name + "=@PATH)");
        case OBJECT -> {
          if (name.equals(LINKEDIN)) {
            linkedIn(LinkedInOptions.fromJson(value));
          } else {
            objects.put(name, parseObject(name, value));
          }
        }
      }
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
      FormField field = FORM.require(name);
      Objects.requireNonNull(file, "file");
      if (!field.kind().isFile()) {
        throw new InvalidRequestException(name, "is a " + (field.kind() == FormField.Kind.OBJECT ? "object" : "text")
            + " field, not a file field: give it a value");
      }
      if (field.kind() == FormField.Kind.FILE && files.containsKey(name)) {
        throw new InvalidRequestException(name, "takes one file; it was given twice");
      }
      files.computeIfAbsent(name, k -> new ArrayList<>()).add(file);
      return this;
    }

    /**
     * Checks the request against the spec's form schema (required fields, types, lengths, enums, the LinkedIn
     * shape's own rules) and builds it.
     *
     * @throws InvalidRequestException naming each field and rule broken
     */
    public StartChatRequest build() {
      List<String> text = texts.get(TEXT);
      if (text != null && !text.isEmpty() && text.get(0).isBlank()) {
        throw new InvalidRequestException(TEXT, "must not be blank (leave it unset to send no text)");
      }
      ObjectNode form = JsonNodeFactory.instance.objectNode();
      Set<String> filesGiven = new HashSet<>();
      for (FormField field : FORM.fields()) {
        String name = field.name();
        switch (field.kind()) {
          case TEXT -> {
            List<String> values = texts.get(name);
            if (values != null) {
              form.set(name, scalar(field.schema(), values.get(0)));
            }
          }
          case TEXT_ARRAY -> {
            List<String> values = texts.get(name);
            if (values != null && !values.isEmpty()) {
              ArrayNode array = form.putArray(name);
              values.forEach(value -> array.add(scalar(field.schema().path("items"), value)));
            }
          }
          case FILE, FILE_ARRAY -> {
            if (!files.getOrDefault(name, List.of()).isEmpty()) {
              filesGiven.add(name);
            }
          }
          case OBJECT -> {
            if (objects.containsKey(name)) {
              form.set(name, objects.get(name));
            }
          }
        }
      }
      texts.forEach((name, values) -> {
        if (FORM.field(name).isEmpty()) {
          form.put(name, values.get(0));
        }
      });
      RequestRules.check(form, filesGiven, acceptNotDescribed);
      return new StartChatRequest(this);
    }

    private Builder replaceText(String name, String value) {
      textField(name);
      if (value == null || value.isEmpty()) {
        texts.remove(name);
      } else {
        texts.put(name, new ArrayList<>(List.of(value)));
      }
      return this;
    }

    private Builder replaceFile(String name, Attachment file) {
      fileField(name);
      if (file == null) {
        files.remove(name);
      } else {
        files.put(name, new ArrayList<>(List.of(file)));
      }
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

    /** A form value is text; the schema may ask for the number or boolean that text spells. */
    private static JsonNode scalar(JsonNode schema, String value) {
      String type = schema.path("type").asText();
      try {
        switch (type) {
          case "integer" -> {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value).toBigIntegerExact());
          }
          case "number" -> {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
          }
          case "boolean" -> {
            if (value.equals("true") || value.equals("false")) {
              return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
            }
          }
          default -> { }
        }
      } catch (NumberFormatException | ArithmeticException notANumber) {
        // Left as text: the validator names the type the spec wants.
      }
      return JsonNodeFactory.instance.textNode(value);
    }

    private static ObjectNode parseObject(String name, String json) {
      try {
        JsonNode tree = MAPPER.readTree(json);
        if (tree instanceof ObjectNode object) {
          return object;
        }
      } catch (JsonProcessingException e) {
        throw new InvalidRequestException(name, "is not valid JSON: " + e.getOriginalMessage());
      }
      throw new InvalidRequestException(name, "must be a JSON object");
    }
  }
}
