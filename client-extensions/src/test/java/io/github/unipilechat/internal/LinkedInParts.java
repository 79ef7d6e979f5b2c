package io.github.unipilechat.internal;

import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.form.ObjectParts;
import io.github.unipilechat.internal.startchat.StartChat;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.List;

/** The {@code linkedin} field's parts as they go on the wire, for tests and benchmarks that look at them alone. */
public final class LinkedInParts {
  private static final String LINKEDIN = "linkedin";

  private LinkedInParts() {}

  /**
   * The LinkedIn options as the provider reads them: one bracket-named part per leaf and file, in the spec's order.
   *
   * @param options the options
   * @return the parts
   */
  public static List<FormPart> of(LinkedInOptions options) {
    FormSchema form = StartChat.form();
    return ObjectParts.encode(form, LINKEDIN, form.require(LINKEDIN).schema(), options.fields(), options.files());
  }
}
