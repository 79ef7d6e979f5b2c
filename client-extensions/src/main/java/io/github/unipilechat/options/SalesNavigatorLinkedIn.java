package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.unipilechat.generated.model.SalesNavigatorOptions;
import java.util.Objects;

/** LinkedIn Sales Navigator messaging; {@code api} is set to {@code sales_navigator}. */
public final class SalesNavigatorLinkedIn extends ShapeFields implements LinkedInOptions {
  private SalesNavigatorLinkedIn(ObjectNode fields) {
    super(fields);
  }

  static SalesNavigatorLinkedIn of(SalesNavigatorOptions options) {
    ObjectNode tree = ModelTrees.toTree(Objects.requireNonNull(options, "options"));
    tree.putIfAbsent(SalesNavigatorOptions.JSON_PROPERTY_API,
        TextNode.valueOf(SalesNavigatorOptions.ApiEnum.SALES_NAVIGATOR.getValue()));
    return new SalesNavigatorLinkedIn(tree);
  }

  /** A copy of the generated model these options were built from. */
  public SalesNavigatorOptions model() {
    return model(SalesNavigatorOptions.class);
  }
}
