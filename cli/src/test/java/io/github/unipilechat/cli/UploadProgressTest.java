package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class UploadProgressTest {
  @Test
  void aLargeBodyIsWrittenWholeWithItsProgressRedrawnOnOneLine() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    byte[] content = new byte[(int) UploadProgress.THRESHOLD + 12345];
    content[content.length - 1] = 7;
    Buffer wire = new Buffer();

    new UploadProgress.Counted(RequestBody.create(content, null), new PrintStream(err, true, StandardCharsets.UTF_8))
        .writeTo(wire);

    assertThat(wire.readByteArray()).isEqualTo(content);
    String shown = err.toString(StandardCharsets.UTF_8);
    assertThat(shown.split("\r", -1).length).isGreaterThan(3);
    assertThat(shown).doesNotContain("\n" + "\r").endsWith("(100%)" + System.lineSeparator());
  }

  @Test
  void theLineNamesMegabytesAndPercent() {
    assertThat(UploadProgress.line(12_300_000, 41_000_000)).isEqualTo("\rupload   12.3 MB of 41.0 MB (30%)");
  }
}
