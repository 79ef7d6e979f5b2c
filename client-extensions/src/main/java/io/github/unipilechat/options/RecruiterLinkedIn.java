package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.FollowUpConfig;
import io.github.unipilechat.generated.model.RecruiterOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LinkedIn Recruiter messaging, with an optional scheduled follow-up and its files; {@code api} is set to
 * {@code recruiter}.
 */
public final class RecruiterLinkedIn extends ShapeFields implements LinkedInOptions {
  private final List<Attachment> followUpAttachments;

  private RecruiterLinkedIn(ObjectNode fields, List<Attachment> followUpAttachments) {
    super(fields);
    this.followUpAttachments = List.copyOf(followUpAttachments);
  }

  /**
   * Files already on the generated model's {@code follow_up.attachments} are taken as attachments too,
   * and left out of {@link #fields()}: files never travel as JSON.
   */
  static RecruiterLinkedIn of(RecruiterOptions options, List<Attachment> extraFollowUpAttachments) {
    Objects.requireNonNull(options, "options");
    ObjectNode tree = ModelTrees.toTree(options);
    tree.putIfAbsent(RecruiterOptions.JSON_PROPERTY_API, TextNode.valueOf(RecruiterOptions.ApiEnum.RECRUITER.getValue()));
    List<Attachment> files = new ArrayList<>();
    FollowUpConfig followUp = options.getFollowUp();
    if (followUp != null && followUp.getAttachments() != null) {
      for (File file : followUp.getAttachments()) {
        files.add(Attachment.of(file.toPath()));
      }
    }
    files.addAll(extraFollowUpAttachments);
    JsonNode followUpTree = tree.get(RecruiterOptions.JSON_PROPERTY_FOLLOW_UP);
    if (followUpTree instanceof ObjectNode followUpFields) {
      followUpFields.remove(FollowUpConfig.JSON_PROPERTY_ATTACHMENTS);
    } else if (!files.isEmpty()) {
      throw new InvalidRequestException("linkedin.follow_up.attachments", "needs a follow_up (subject, text, scheduled_time)");
    }
    return new RecruiterLinkedIn(tree, files);
  }

  /** A copy of the generated model these options were built from (follow-up files are not on it). */
  public RecruiterOptions model() {
    return model(RecruiterOptions.class);
  }

  @Override
  public List<Attachment> followUpAttachments() {
    return followUpAttachments;
  }

  @Override
  public Map<String, List<Attachment>> files() {
    return followUpAttachments.isEmpty() ? Map.of()
        : Map.of(RecruiterOptions.JSON_PROPERTY_FOLLOW_UP + "." + FollowUpConfig.JSON_PROPERTY_ATTACHMENTS,
            followUpAttachments);
  }

  @Override
  public String toString() {
    return super.toString() + (followUpAttachments.isEmpty() ? "" : " + " + followUpAttachments);
  }
}
