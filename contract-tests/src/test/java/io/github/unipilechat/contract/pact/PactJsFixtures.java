package io.github.unipilechat.contract.pact;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Pact JS pacts under src/test/resources/external/pactjs, by consumer name. */
final class PactJsFixtures {
  private PactJsFixtures() {}

  static Path path(String consumer) throws Exception {
    return Path.of(PactJsFixtures.class.getResource("/external/pactjs/" + consumer + "-unipile.json").toURI());
  }

  static String read(String consumer) throws Exception {
    return Files.readString(path(consumer));
  }
}
