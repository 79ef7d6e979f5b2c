package io.github.unipilechat.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks time the jar the launcher runs: the newest of several, whatever order the directory lists. */
class CliJarTest {
  @TempDir
  Path target;

  @Test
  void theNewestJarIsTakenWhenSeveralVersionsSitSideBySide() throws Exception {
    Path stale = jar("unipile-chat-cli-0.0.0-example-all.jar", "2026-11-26T15:00:00Z");
    Path fresh = jar("unipile-chat-cli-0.1.0-SNAPSHOT-all.jar", "2026-11-26T16:00:00Z");
    jar("unipile-chat-cli-9.9.9-sources.jar", "2026-11-26T17:00:00Z");

    assertThat(CliBenchmark.newestCliJar(target)).isEqualTo(fresh);

    Files.setLastModifiedTime(stale, FileTime.from(Instant.parse("2026-11-26T18:00:00Z")));
    assertThat(CliBenchmark.newestCliJar(target)).isEqualTo(stale);
  }

  private Path jar(String name, String modified) throws Exception {
    Path jar = Files.write(target.resolve(name), new byte[] {1});
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse(modified)));
    return jar;
  }
}
