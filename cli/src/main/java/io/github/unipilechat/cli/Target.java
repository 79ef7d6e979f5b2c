package io.github.unipilechat.cli;

import io.github.unipilechat.UnipileChatClient;
import java.util.Optional;

/**
 * Where a command sends, from its options and the environment: a target with a key, or the embedded mock when
 * neither a target nor a key is configured (or with {@code --mock}). A key without a target is refused: a
 * misspelled variable must not send a real key to a stand-in.
 */
final class Target {
  static final String BASE_URL_ENV = "UNIPILE_BASE_URL";
  static final String DSN_ENV = "UNIPILE_DSN";
  static final String API_KEY_ENV = "UNIPILE_API_KEY";
  private static final String DEMO_KEY = "demo-key";

  private final Console console;
  private final Optional<String> url;
  private final Optional<String> dsn;
  private final Optional<String> key;
  private final boolean embedded;

  private Target(Console console, Optional<String> url, Optional<String> dsn, Optional<String> key, boolean embedded) {
    this.console = console;
    this.url = url;
    this.dsn = dsn;
    this.key = key;
    this.embedded = embedded;
  }

  /** Reads the options (null when not given) and, for those not given, the environment. */
  static Target of(Console console, String baseUrl, String dsn, String apiKey, boolean mock) {
    Optional<String> url = Optional.ofNullable(baseUrl).or(() -> console.variable(BASE_URL_ENV));
    Optional<String> dsnValue = Optional.ofNullable(dsn).or(() -> console.variable(DSN_ENV));
    if (url.isPresent() && dsnValue.isPresent()) {
      throw new IllegalArgumentException("--base-url and --dsn (or their variables) name two targets; give one");
    }
    Optional<String> key = Optional.ofNullable(apiKey).or(() -> console.variable(API_KEY_ENV));
    boolean noTarget = url.isEmpty() && dsnValue.isEmpty();
    if (mock && !noTarget) {
      throw new IllegalArgumentException("--mock and a target (--base-url/--dsn, " + BASE_URL_ENV + "/" + DSN_ENV
          + ") both given; give one");
    }
    if (!mock && noTarget && key.isPresent()) {
      throw new IllegalArgumentException("an API key is set (--api-key or " + API_KEY_ENV + ") but no target:"
          + " set " + DSN_ENV + " or " + BASE_URL_ENV + " (or give --dsn/--base-url); nothing was sent."
          + " To try the embedded mock server instead, add --mock");
    }
    return new Target(console, url, dsnValue, key, mock || noTarget);
  }

  /** Whether the request goes to the embedded mock. */
  boolean embedded() {
    return embedded;
  }

  /** Says on stderr that the embedded mock at {@code baseUrl} answers, and how to reach Unipile instead. */
  void sayEmbedded(String baseUrl) {
    console.err().println("unipile-chat: no --base-url/--dsn (nor " + BASE_URL_ENV + "/" + DSN_ENV
        + "): sent to an embedded mock server at " + baseUrl + ".");
    console.err().println("unipile-chat: to reach Unipile, add --dsn YOUR_DSN (e.g. api8.unipile.com:13851) and set "
        + API_KEY_ENV + ".");
  }

  /** A client builder for this target; {@code mockUrl} is the embedded mock's (it gets a demo key, never yours). */
  UnipileChatClient.Builder builder(String mockUrl) {
    if (embedded) {
      return UnipileChatClient.builder().baseUrl(mockUrl).apiKey(DEMO_KEY);
    }
    UnipileChatClient.Builder builder = UnipileChatClient.builder()
        .apiKey(key.orElseThrow(() -> new IllegalArgumentException("no API key: give --api-key or set " + API_KEY_ENV)));
    url.ifPresent(builder::baseUrl);
    dsn.ifPresent(builder::dsn);
    return builder;
  }
}
