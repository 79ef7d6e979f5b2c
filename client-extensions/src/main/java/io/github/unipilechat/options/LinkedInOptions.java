package io.github.unipilechat.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.generated.model.SalesNavigatorOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's {@code linkedin} field: one of the shapes its {@code anyOf} declares. Not a closed set: the shapes are
 * read from the spec, so a shape the provider adds works after a rebuild through {@link #fromJson(String)} and
 * {@link #of(Object)} (as a {@link LinkedInShape}); today's three also have typed factories. However built, the
 * options are validated against the spec's schema and sent as bracket fields in the spec's property order.
 */
public interface LinkedInOptions {

  /** The spec-shaped JSON of these options, without files; a copy the caller may change. */
  ObjectNode fields();

  /** Files sent as {@code linkedin[follow_up][attachments]}; only the recruiter shape has any. */
  default List<Attachment> followUpAttachments() {
    return List.of();
  }

  /**
   * Every file inside these options, by the dotted path of its property, e.g. {@code follow_up.attachments}: each
   * is sent as a file part under the bracket name of that path, at that property's place.
   */
  default Map<String, List<Attachment>> files() {
    return Map.of();
  }

  /**
   * Standard LinkedIn messaging (inMail, company topic, applicant, pending invitation).
   *
   * @param options the generated model of the spec's "Classic options"; {@code api} may be left unset
   * @throws InvalidRequestException when the options break the spec's rules
   */
  static ClassicLinkedIn classic(ClassicOptions options) {
    return ClassicLinkedIn.of(options);
  }

  /**
   * LinkedIn Recruiter messaging; {@code api=recruiter} is set for you.
   *
   * @param options the generated model of the spec's "Recruiter options"
   * @param followUpAttachments files for the scheduled follow-up (needs {@code follow_up} on the options)
   * @throws InvalidRequestException when the options break the spec's rules
   */
  static RecruiterLinkedIn recruiter(RecruiterOptions options, Attachment... followUpAttachments) {
    return RecruiterLinkedIn.of(options, List.of(followUpAttachments));
  }

  /** LinkedIn Sales Navigator messaging: {@code api=sales_navigator}, nothing else. */
  static SalesNavigatorLinkedIn salesNavigator() {
    return SalesNavigatorLinkedIn.of(new SalesNavigatorOptions());
  }

  /**
   * Options from any generated model of a {@code linkedin} shape, including one the provider adds upstream: the
   * shape is the {@code anyOf} branch whose properties are the model's (or whose {@code api} value the model
   * carries), and that value is set for you. Today's three models give their typed wrappers. Files on the
   * model ({@code List<File>} properties the spec types as binary) are sent as file parts.
   *
   * @param generatedModel an instance of a class generated from the spec, e.g. {@code new RecruiterOptions()}
   * @throws InvalidRequestException when the model is no shape of the spec, or breaks its rules
   */
  static LinkedInOptions of(Object generatedModel) {
    Objects.requireNonNull(generatedModel, "generatedModel");
    if (generatedModel instanceof ClassicOptions classic) {
      return classic(classic);
    }
    if (generatedModel instanceof RecruiterOptions recruiter) {
      return recruiter(recruiter);
    }
    if (generatedModel instanceof SalesNavigatorOptions salesNavigator) {
      return SalesNavigatorLinkedIn.of(salesNavigator);
    }
    return LinkedInShape.ofModel(generatedModel);
  }

  /**
   * Options from a JSON object shaped like the spec's {@code linkedin} field, e.g.
   * {@code {"api":"recruiter","follow_up":{...}}}. The shape is the branch whose {@code api} value the object
   * carries; without {@code api}, the branch that does not require it (classic today).
   *
   * @throws InvalidRequestException when the JSON is malformed or breaks the spec's rules, naming each field
   */
  static LinkedInOptions fromJson(String json) {
    return fromJson(json, List.of());
  }

  /**
   * As {@link #fromJson(String)}, with files for the one file-list property of the chosen shape (the recruiter
   * follow-up's {@code follow_up.attachments} today).
   */
  static LinkedInOptions fromJson(String json, List<Attachment> followUpAttachments) {
    JsonNode tree;
    try {
      tree = ModelTrees.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // Where, never what: the text may be a file named by mistake (--linkedin @key.txt), and Jackson's message
      // quotes it.
      throw new InvalidRequestException("linkedin", "is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidRequestException("linkedin", "must be a JSON object");
    }
    return LinkedInShape.fromTree((ObjectNode) tree, followUpAttachments);
  }
}
