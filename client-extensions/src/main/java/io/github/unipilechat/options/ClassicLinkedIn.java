package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.generated.model.ClassicOptions;
import java.util.Objects;

/** Standard LinkedIn messaging: inMail, company topics, applicants, pending invitations. */
public final class ClassicLinkedIn implements LinkedInOptions {
  private final ObjectNode fields;

  private ClassicLinkedIn(ObjectNode fields) {
    this.fields = fields;
  }

  static ClassicLinkedIn of(ClassicOptions options) {
    return new ClassicLinkedIn(ModelTrees.toTree(Objects.requireNonNull(options, "options")));
  }

  /** A copy of the generated model these options were built from. */
  public ClassicOptions model() {
    return ModelTrees.fromTree(fields, ClassicOptions.class);
  }

  @Override
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  @Override
  public String toString() {
    return "ClassicLinkedIn" + fields;
  }
}
