package io.github.unipilechat.regen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.options.LinkedInOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs inside a {@link ChildFirstLoader}: builds a request with the client's public API, against whatever the
 * regenerated code and the mutated spec say, and sends it. Talks to the test in JDK types only (strings), since
 * the test's own copies of these classes are other classes.
 *
 * <p>Steps: {@code account:V}, {@code attendee:V}, {@code text:V}, {@code subject:V}, {@code field:NAME=V},
 * {@code file:NAME=FILENAME}, {@code linkedin:JSON} (fromJson), {@code recruiter:JSON} (the typed factory),
 * {@code model:SIMPLE_CLASS_NAME:JSON} (the generic entry, with a regenerated model class).
 */
public final class Driver {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Driver() {}

  /** "sent", "built" (no base URL), or the exception: class, and for API errors status, type and whether known. */
  public static String run(String baseUrl, List<String> steps) {
    try {
      StartChatRequest.Builder builder = StartChatRequest.builder();
      for (String step : steps) {
        apply(builder, step);
      }
      StartChatRequest request = builder.build();
      if (baseUrl == null) {
        return "built";
      }
      try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(baseUrl).apiKey("k").maxRetries(0).build()) {
        client.startChat(request);
      }
      return "sent";
    } catch (UnipileApiException e) {
      return e.getClass().getSimpleName() + " status=" + e.status() + " type=" + e.type().raw()
          + " known=" + e.type().isKnown();
    } catch (Exception e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static void apply(StartChatRequest.Builder builder, String step) throws Exception {
    int colon = step.indexOf(':');
    String kind = step.substring(0, colon);
    String value = step.substring(colon + 1);
    switch (kind) {
      case "account" -> builder.accountId(value);
      case "attendee" -> builder.attendee(value);
      case "text" -> builder.text(value);
      case "subject" -> builder.subject(value);
      case "field" -> builder.field(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
      case "file" -> {
        String fileName = value.substring(value.indexOf('=') + 1);
        builder.field(value.substring(0, value.indexOf('=')),
            Attachment.of(fileName, ("bytes of " + fileName).getBytes(StandardCharsets.UTF_8)));
      }
      case "linkedin" -> builder.linkedIn(LinkedInOptions.fromJson(value));
      case "recruiter" -> builder.linkedIn(LinkedInOptions.recruiter(MAPPER.readValue(value, RecruiterOptions.class)));
      case "model" -> {
        String className = value.substring(0, value.indexOf(':'));
        Class<?> model = Class.forName(RecruiterOptions.class.getPackageName() + "." + className, true,
            Driver.class.getClassLoader());
        builder.linkedIn(LinkedInOptions.of(MAPPER.readValue(value.substring(value.indexOf(':') + 1), model)));
      }
      default -> throw new IllegalArgumentException("unknown step " + step);
    }
  }
}
