package io.github.unipilechat.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages of the provider's API reference ({@code src/test/resources/provider-reference/}, verbatim copies of
 * {@code ../shared/provider-reference/}), each embedding one OpenAPI document for one operation, merged into a copy of
 * the bundled document: the provider's own operations of every kind, beside the seed's.
 */
public final class ProviderPages {
  /** Multipart with a path parameter: {@code POST /api/v1/chats/{chat_id}/messages}. */
  public static final String SEND_MESSAGE = "Messaging__send-a-message-in-a-chat";
  /** GET with query parameters: {@code GET /api/v1/chats}. */
  public static final String LIST_CHATS = "Messaging__list-all-chats";
  /** DELETE with a path and a required query parameter: {@code DELETE /api/v1/users/invite/sent/{invitation_id}}. */
  public static final String CANCEL_INVITATION = "Users__cancel-an-invitation";
  /** A JSON body: {@code POST /api/v1/users/invite}. */
  public static final String SEND_INVITATION = "Users__send-an-invitation";
  /** A literal path, {@code GET /api/v1/users/me}, beside the template below. */
  public static final String OWN_PROFILE = "Users__retrieve-own-profile";
  /** {@code GET /api/v1/users/{identifier}}. */
  public static final String A_PROFILE = "Users__retrieve-a-profile";
  /** Every page kept here. */
  public static final String[] ALL = {SEND_MESSAGE, LIST_CHATS, CANCEL_INVITATION, SEND_INVITATION, OWN_PROFILE, A_PROFILE};

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

  private ProviderPages() {}

  /** The page's text, as the provider publishes it. */
  public static String text(String page) {
    try (InputStream in = ProviderPages.class.getResourceAsStream("/provider-reference/" + page + ".md")) {
      if (in == null) {
        throw new IllegalArgumentException("no page " + page);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI document the page embeds. */
  public static JsonNode document(String page) {
    Matcher m = BLOCK.matcher(text(page));
    if (!m.find()) {
      throw new IllegalStateException(page + " embeds no ```json block");
    }
    try {
      return JSON.readTree(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the bundled document with each page's {@code paths} and {@code components} merged in. */
  public static ObjectNode seedWith(String... pages) {
    ObjectNode merged = SpecValidator.bundled().document().deepCopy();
    for (String page : pages) {
      JsonNode document = document(page);
      ObjectNode paths = merged.withObjectProperty("paths");
      document.path("paths").properties().forEach(path -> {
        ObjectNode item = paths.withObjectProperty(path.getKey());
        path.getValue().properties().forEach(method -> item.set(method.getKey(), method.getValue()));
      });
      ObjectNode components = merged.withObjectProperty("components");
      document.path("components").properties().forEach(kind ->
          kind.getValue().properties().forEach(entry -> components.withObjectProperty(kind.getKey()).set(entry.getKey(), entry.getValue())));
    }
    return merged;
  }

  /** The kit's validator of {@link #seedWith}. */
  public static SpecValidator spec(String... pages) {
    return SpecValidator.of(seedWith(pages));
  }
}
