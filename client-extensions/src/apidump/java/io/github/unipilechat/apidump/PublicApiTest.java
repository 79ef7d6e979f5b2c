package io.github.unipilechat.apidump;

import org.junit.jupiter.api.Test;

/**
 * The module's public API is what {@code api/<artifact>.api} lists (the artifact id comes from the parent pom's
 * {@code api-dump} profile); update the file with {@code mvn verify -Dapi.update=true}.
 */
class PublicApiTest {
  @Test
  void publicApiIsTheCommittedDump() {
    ApiDump.check(System.getProperty("api.artifact"));
  }
}
