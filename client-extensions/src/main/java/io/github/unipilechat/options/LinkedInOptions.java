package io.github.unipilechat.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.generated.model.SalesNavigatorOptions;
import io.github.unipilechat.validation.RequestRules;
import java.util.List;

/**
 * The spec's {@code linkedin} field: exactly one of its three shapes. Each wraps the generated model of its
 * shape, so a property the provider adds is settable (and sent) after a rebuild.
 */
public sealed interface LinkedInOptions permits ClassicLinkedIn, RecruiterLinkedIn, SalesNavigatorLinkedIn {

  /** The spec-shaped JSON of these options, without files; a copy the caller may change. */
  ObjectNode fields();

  /** Files sent as {@code linkedin[follow_up][attachments]}; only the recruiter shape has any. */
  default List<Attachment> followUpAttachments() {
    return List.of();
  }

  static ClassicLinkedIn classic(ClassicOptions options) {
    return ClassicLinkedIn.of(options);
  }

  static RecruiterLinkedIn recruiter(RecruiterOptions options, Attachment... followUpAttachments) {
    return RecruiterLinkedIn.of(options, List.of(followUpAttachments));
  }

  static SalesNavigatorLinkedIn salesNavigator() {
    return SalesNavigatorLinkedIn.of(new SalesNavigatorOptions());
  }

  /**
   * Options from a JSON object shaped like the spec's {@code linkedin} field, e.g.
   * {@code {"api":"recruiter","follow_up":{...}}}. The shape is chosen by {@code api} (absent means classic).
   */
  static LinkedInOptions fromJson(String json) {
    return fromJson(json, List.of());
  }

  /** As {@link #fromJson(String)}, with files for the recruiter follow-up. */
  static LinkedInOptions fromJson(String json, List<Attachment> followUpAttachments) {
    JsonNode tree;
    try {
      tree = ModelTrees.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("linkedin", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidRequestException("linkedin", "must be a JSON object");
    }
    RequestRules.checkLinkedIn(tree);
    String api = tree.path(RecruiterOptions.JSON_PROPERTY_API).asText("");
    if (api.equals(RecruiterOptions.ApiEnum.RECRUITER.getValue())) {
      return RecruiterLinkedIn.of(ModelTrees.fromTree(tree, RecruiterOptions.class), followUpAttachments);
    }
    if (!followUpAttachments.isEmpty()) {
      throw new InvalidRequestException("linkedin.follow_up.attachments", "needs the recruiter shape (api=recruiter)");
    }
    if (api.equals(SalesNavigatorOptions.ApiEnum.SALES_NAVIGATOR.getValue())) {
      return SalesNavigatorLinkedIn.of(ModelTrees.fromTree(tree, SalesNavigatorOptions.class));
    }
    return ClassicLinkedIn.of(ModelTrees.fromTree(tree, ClassicOptions.class));
  }
}
