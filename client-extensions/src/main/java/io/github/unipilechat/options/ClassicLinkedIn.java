package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.generated.model.ClassicOptions;
import java.util.Objects;

/** Standard LinkedIn messaging: inMail, company topics, applicants, pending invitations. */
public final class ClassicLinkedIn extends ShapeFields implements LinkedInOptions {
  private ClassicLinkedIn(ObjectNode fields) {
    super(fields);
  }

  static ClassicLinkedIn of(ClassicOptions options) {
    return new ClassicLinkedIn(ModelTrees.toTree(Objects.requireNonNull(options, "options")));
  }

  /** A copy of the generated model these options were built from. */
  public ClassicOptions model() {
    return model(ClassicOptions.class);
  }
}
