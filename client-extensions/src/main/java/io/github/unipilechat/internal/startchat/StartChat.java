package io.github.unipilechat.internal.startchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.OperationMatch;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.validation.RequestCheck;

/**
 * Which operation "start a new chat" is, for the conveniences written for it by hand ({@code StartChatRequest}, the
 * LinkedIn option types, the kit's start-chat helpers): the one operation this project names, and the only place it
 * is named. Everything else is read from the document, like any other operation's.
 */
public final class StartChat {
  /** The method of "Start a new chat". */
  public static final String METHOD = "POST";

  /** The path of "Start a new chat", as the document writes it. */
  public static final String PATH = "/api/v1/chats";

  private StartChat() {}

  /**
   * The start-chat operation of {@code spec}.
   *
   * @throws IllegalArgumentException when the document has no {@code POST /api/v1/chats}
   */
  public static Operation operation(SpecModel spec) {
    if (spec.operations().match(METHOD, PATH) instanceof OperationMatch.Found found) {
      return found.operation();
    }
    throw new IllegalArgumentException("the OpenAPI document has no " + METHOD + " " + PATH);
  }

  /**
   * The start-chat request body's schema in {@code spec} (shared; do not modify).
   *
   * @throws IllegalArgumentException when the document has no start-chat operation, or it takes no body
   */
  public static JsonNode bodySchema(SpecModel spec) {
    return operation(spec).body()
        .orElseThrow(() -> new IllegalArgumentException("the start-chat operation takes no body")).schema();
  }

  /** The start-chat form of the document bundled with the client. */
  public static FormSchema form() {
    return form(SpecModel.bundled());
  }

  /** The start-chat form of {@code spec}: its fields, their kinds and schemas, in the spec's order. */
  public static FormSchema form(SpecModel spec) {
    return FormSchema.of(spec, operation(spec));
  }

  /** The start-chat request rules of the document bundled with the client. */
  public static RequestCheck check() {
    return check(SpecModel.bundled());
  }

  /** The start-chat request rules of {@code spec}. */
  public static RequestCheck check(SpecModel spec) {
    return RequestCheck.of(spec, operation(spec));
  }
}
