package io.github.unipilechat.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A named file is read only if it is a regular file, never past the limit, and a parse error never quotes it. */
class JsonFileTest {
  private static final String KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXkqYQx4Z";

  @TempDir Path dir;

  @Test
  void aKeyFileIsNotJsonAndItsContentIsNeverQuoted() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("api.key"), KEY + "\n");

    assertThatThrownBy(() -> JsonFile.read(keyFile, 1_000))
        .isInstanceOf(IOException.class)
        .hasMessage("not JSON: line 1, column 1")
        .hasNoCause()
        .satisfies(e -> assertThat(e.toString()).doesNotContain("sk_live"));
  }

  @Test
  void aBrokenDocumentSaysTheLineAndColumnOnly() throws Exception {
    Path broken = Files.writeString(dir.resolve("spec.json"), "{\n  \"a\": secret_value_here\n}");

    assertThatThrownBy(() -> JsonFile.read(broken, 1_000))
        .hasMessage("not JSON: line 2, column 8")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  @Test
  void textAfterTheValueIsNotJson() throws Exception {
    Path trailing = Files.writeString(dir.resolve("trailing.json"), "{} {\"second\": 1}");

    assertThatThrownBy(() -> JsonFile.read(trailing, 1_000)).hasMessageStartingWith("not JSON: line 1");
  }

  @Test
  void anEmptyFileIsNotJson() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");

    assertThatThrownBy(() -> JsonFile.read(empty, 1_000)).hasMessage("empty, not JSON");
  }

  @Test
  void aMissingFileSaysSo() {
    assertThatThrownBy(() -> JsonFile.read(dir.resolve("nope.json"), 1_000)).hasMessage("no such file");
  }

  @Test
  void aDirectoryIsNotRead() {
    assertThatThrownBy(() -> JsonFile.read(dir, 1_000)).hasMessageStartingWith("not a regular file");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void devZeroIsRefusedNotReadUntilMemoryRunsOut() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");

    assertThatThrownBy(() -> JsonFile.read(zero, 32L * 1024 * 1024)).hasMessageStartingWith("not a regular file");
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = Fifo.make(dir, "spec.json");

    assertThat(Fifo.thrownWithin(20, fifo, () -> JsonFile.read(fifo, 1_000)))
        .hasMessageStartingWith("not a regular file");
  }

  @Test
  void aLinkToADeviceIsJudgedByWhatItLinksTo() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    Path link = Files.createSymbolicLink(dir.resolve("spec.json"), zero);

    assertThatThrownBy(() -> JsonFile.read(link, 1_000)).hasMessageStartingWith("not a regular file");
  }

  @Test
  void aFileThatReportsNoSizeIsStillCutAtTheLimit() {
    // /proc files are regular files that report a size of 0 and hold more: only counting what is read stops them.
    Path cpuinfo = Path.of("/proc/cpuinfo");
    assumeTrue(Files.isRegularFile(cpuinfo), "no /proc/cpuinfo here");

    assertThatThrownBy(() -> JsonFile.read(cpuinfo, 16))
        .isInstanceOf(JsonFile.TooLargeException.class)
        .hasMessage("more than 16 bytes, over the 16-byte limit");
  }

  @Test
  void aFileOverTheLimitIsRefusedFromItsSize() throws Exception {
    Path big = Files.writeString(dir.resolve("big.json"), "[" + "1,".repeat(100) + "1]");

    assertThatThrownBy(() -> JsonFile.read(big, 100))
        .isInstanceOf(JsonFile.TooLargeException.class)
        .hasMessage("203 bytes, over the 100-byte limit");
  }

  @Test
  void aDocumentIsRead() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.json"), "{\"openapi\": \"3.0.0\"}");

    assertThat(JsonFile.read(spec, 1_000).path("openapi").asText()).isEqualTo("3.0.0");
  }
}
