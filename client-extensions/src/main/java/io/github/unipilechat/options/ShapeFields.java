package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What every LinkedIn shape holds: a private snapshot of its spec-shaped JSON, handed out as copies. */
abstract class ShapeFields {
  private final ObjectNode fields;

  ShapeFields(ObjectNode fields) {
    this.fields = fields;
  }

  /** The spec-shaped JSON of these options, without files; a copy the caller may change. */
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  final <T> T model(Class<T> modelClass) {
    return ModelTrees.fromTree(fields, modelClass);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + fields;
  }
}
