package io.github.unipilechat.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentTest {
  @TempDir Path temp;

  @Test
  void contentTypeFollowsTheFileName() {
    assertThat(ContentTypes.forFileName("cv.PDF")).isEqualTo("application/pdf");
    assertThat(ContentTypes.forFileName("a.png")).isEqualTo("image/png");
    assertThat(ContentTypes.forFileName("a.jpg")).isEqualTo("image/jpeg");
    assertThat(ContentTypes.forFileName("a.gif")).isEqualTo("image/gif");
    assertThat(ContentTypes.forFileName("a.mp4")).isEqualTo("video/mp4");
    assertThat(ContentTypes.forFileName("a.mov")).isEqualTo("video/quicktime");
    assertThat(ContentTypes.forFileName("a.m4a")).isEqualTo("audio/mp4");
    assertThat(ContentTypes.forFileName("a.mp3")).isEqualTo("audio/mpeg");
    assertThat(ContentTypes.forFileName("a.txt")).isEqualTo("text/plain");
  }

  @Test
  void unknownOrMissingExtensionIsOctetStream() {
    assertThat(ContentTypes.forFileName("archive.xyz")).isEqualTo("application/octet-stream");
    assertThat(ContentTypes.forFileName("README")).isEqualTo("application/octet-stream");
    assertThat(ContentTypes.forFileName("trailing.")).isEqualTo("application/octet-stream");
  }

  @Test
  void pathIsStreamedWithItsSize() throws Exception {
    Path file = Files.write(temp.resolve("clip.mov"), new byte[70_000]);
    Attachment attachment = Attachment.of(file);

    assertThat(attachment.fileName()).isEqualTo("clip.mov");
    assertThat(attachment.contentType()).isEqualTo("video/quicktime");
    assertThat(attachment.size()).isEqualTo(70_000);
    assertThat(attachment.replayable()).isTrue();
    Buffer first = new Buffer();
    Buffer second = new Buffer();
    attachment.toRequestBody().writeTo(first);
    attachment.toRequestBody().writeTo(second);
    assertThat(first.size()).isEqualTo(70_000);
    assertThat(second.size()).isEqualTo(70_000);
  }

  @Test
  void bytesAreCopied() throws Exception {
    byte[] bytes = {1, 2, 3};
    Attachment attachment = Attachment.of("a.bin", bytes);
    bytes[0] = 9;

    Buffer written = new Buffer();
    attachment.toRequestBody().writeTo(written);
    assertThat(written.readByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void streamIsOneShotWithUnknownSize() {
    Attachment attachment = Attachment.of("a.txt", new ByteArrayInputStream(new byte[] {1}));

    assertThat(attachment.replayable()).isFalse();
    assertThat(attachment.size()).isEqualTo(-1);
    assertThat(attachment.toRequestBody().isOneShot()).isTrue();
  }

  @Test
  void contentTypeCanBeOverridden() {
    assertThat(Attachment.of("scan", new byte[1]).withContentType("image/tiff").contentType()).isEqualTo("image/tiff");
    assertThatThrownBy(() -> Attachment.of("scan", new byte[1]).withContentType("not a type"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingFileIsRefusedWhenNamed() {
    assertThatThrownBy(() -> Attachment.of(temp.resolve("nope.pdf")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.pdf");
  }

  @Test
  void blankFileNameIsRefused() {
    assertThatThrownBy(() -> Attachment.of(" ", new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file name");
  }
}
