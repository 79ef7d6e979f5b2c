package io.github.unipilechat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.validation.RequestRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send to {@code POST /api/v1/chats}. Immutable; {@link Builder#build()} refuses a request that
 * breaks the provider's contract, so nothing invalid is ever sent.
 */
public final class StartChatRequest {
  private final String accountId;
  private final List<String> attendeeIds;
  private final String text;
  private final String subject;
  private final List<Attachment> attachments;
  private final Attachment voiceMessage;
  private final Attachment videoMessage;
  private final LinkedInOptions linkedIn;
  private final boolean replayable;

  private StartChatRequest(Builder builder) {
    this.accountId = builder.accountId;
    this.attendeeIds = List.copyOf(builder.attendeeIds);
    this.text = builder.text;
    this.subject = builder.subject;
    this.attachments = List.copyOf(builder.attachments);
    this.voiceMessage = builder.voiceMessage;
    this.videoMessage = builder.videoMessage;
    this.linkedIn = builder.linkedIn;
    this.replayable = everyFileReplayable();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String accountId() {
    return accountId;
  }

  public List<String> attendeeIds() {
    return attendeeIds;
  }

  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public List<Attachment> attachments() {
    return attachments;
  }

  public Optional<Attachment> voiceMessage() {
    return Optional.ofNullable(voiceMessage);
  }

  public Optional<Attachment> videoMessage() {
    return Optional.ofNullable(videoMessage);
  }

  public Optional<LinkedInOptions> linkedIn() {
    return Optional.ofNullable(linkedIn);
  }

  /** Whether every file can be written again, which a retry needs (a stream cannot). */
  public boolean replayable() {
    return replayable;
  }

  private boolean everyFileReplayable() {
    List<Attachment> files = new ArrayList<>(attachments);
    voiceMessage().ifPresent(files::add);
    videoMessage().ifPresent(files::add);
    linkedIn().ifPresent(options -> files.addAll(options.followUpAttachments()));
    return files.stream().allMatch(Attachment::replayable);
  }

  /** The plain fields shaped as the spec's JSON, which is what the spec's schema checks. */
  private static ObjectNode textFields(String accountId, List<String> attendeeIds, String text, String subject) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (accountId != null) {
      fields.put("account_id", accountId);
    }
    if (!attendeeIds.isEmpty()) {
      attendeeIds.forEach(fields.putArray("attendees_ids")::add);
    }
    if (text != null) {
      fields.put("text", text);
    }
    if (subject != null) {
      fields.put("subject", subject);
    }
    return fields;
  }

  @Override
  public String toString() {
    return "StartChatRequest{account_id=" + accountId + ", attendees_ids=" + attendeeIds
        + ", text=" + (text == null ? "-" : text.length() + " chars")
        + ", attachments=" + attachments + ", voice=" + voiceMessage + ", video=" + videoMessage
        + ", linkedin=" + linkedIn + "}";
  }

  public static final class Builder {
    private String accountId;
    private final List<String> attendeeIds = new ArrayList<>();
    private String text;
    private String subject;
    private final List<Attachment> attachments = new ArrayList<>();
    private Attachment voiceMessage;
    private Attachment videoMessage;
    private LinkedInOptions linkedIn;

    private Builder() {}

    /** The Unipile account the message is sent from. Required. */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** Adds an attendee (provider id; for Instagram the {@code provider_messaging_id}). At least one. */
    public Builder attendee(String attendeeId) {
      this.attendeeIds.add(Objects.requireNonNull(attendeeId, "attendeeId"));
      return this;
    }

    public Builder attendees(List<String> attendeeIds) {
      attendeeIds.forEach(this::attendee);
      return this;
    }

    /**
     * The first message; LinkedIn Recruiter accepts a few HTML tags. Null or empty means not set; a text of only
     * spaces or line breaks is refused by {@link #build()}, like a blank id.
     */
    public Builder text(String text) {
      this.text = blankToNull(text);
      return this;
    }

    public Builder subject(String subject) {
      this.subject = blankToNull(subject);
      return this;
    }

    public Builder attachment(Attachment attachment) {
      this.attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    public Builder attachments(List<Attachment> attachments) {
      attachments.forEach(this::attachment);
      return this;
    }

    /** LinkedIn messaging only. */
    public Builder voiceMessage(Attachment voiceMessage) {
      this.voiceMessage = voiceMessage;
      return this;
    }

    /** LinkedIn messaging only. */
    public Builder videoMessage(Attachment videoMessage) {
      this.videoMessage = videoMessage;
      return this;
    }

    public Builder linkedIn(LinkedInOptions linkedIn) {
      this.linkedIn = linkedIn;
      return this;
    }

    /**
     * @throws io.github.unipilechat.errors.InvalidRequestException naming each field and rule broken
     */
    public StartChatRequest build() {
      if (text != null && text.isBlank()) {
        throw new io.github.unipilechat.errors.InvalidRequestException("text",
            "must not be blank (leave it unset to send no text)");
      }
      RequestRules.check(textFields(accountId, attendeeIds, text, subject), linkedIn == null ? null : linkedIn.fields());
      return new StartChatRequest(this);
    }

    private static String blankToNull(String value) {
      return value == null || value.isEmpty() ? null : value;
    }
  }
}
