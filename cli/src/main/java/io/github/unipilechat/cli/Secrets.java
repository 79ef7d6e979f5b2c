package io.github.unipilechat.cli;

import io.github.unipilechat.internal.transport.ApiKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API keys a run was given ({@code --api-key}, {@code UNIPILE_API_KEY}), redacted in every spelling the client's
 * scrubber knows from whatever the command prints: the answer's JSON on stdout, every line on stderr. The client
 * already scrubs what it returns and throws; this is the net for what the command line adds.
 */
final class Secrets {
  /** Shorter is not a real key: redacting a few letters everywhere would only garble the output. */
  static final int MIN_LENGTH = 8;

  private final List<ApiKey> keys;
  /** A value the client would refuse as a key (a control character): still never printed as is. */
  private final List<String> malformed;

  private Secrets(List<ApiKey> keys, List<String> malformed) {
    this.keys = keys;
    this.malformed = malformed;
  }

  /** The key given on the command line (may be null) and the one in the environment. */
  static Secrets of(String option, Console console) {
    List<ApiKey> keys = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    List<String> given = new ArrayList<>();
    Optional.ofNullable(option).ifPresent(given::add);
    console.variable(StartChatCommand.API_KEY_ENV).ifPresent(given::add);
    for (String key : given) {
      if (key.length() < MIN_LENGTH) {
        continue;
      }
      try {
        keys.add(ApiKey.of(key));
      } catch (IllegalArgumentException notAKey) {
        malformed.add(key);
      }
    }
    return new Secrets(List.copyOf(keys), List.copyOf(malformed));
  }

  /** {@code text} with each key redacted in every spelling. */
  String scrub(String text) {
    String safe = text;
    for (ApiKey key : keys) {
      safe = key.scrub(safe);
    }
    for (String key : malformed) {
      safe = safe.replace(key, "[redacted]");
    }
    return safe;
  }

  /** True when {@code text} holds a key in any spelling. */
  boolean foundIn(String text) {
    return keys.stream().anyMatch(key -> key.foundIn(text)) || malformed.stream().anyMatch(text::contains);
  }
}
