package io.github.unipilechat.files;

import io.github.unipilechat.internal.ContentTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  @Test
  void aNullFileNameIsAnIllegalArgumentNotANullPointer() {
    assertThatThrownBy(() -> Attachment.of((String) null, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
    assertThatThrownBy(() -> Attachment.of((String) null, new ByteArrayInputStream(new byte[1])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
  }

  /** Opened once when named, so it fails before anything is sent (root reads mode-000 files: then a sysfs one). */
  @Test
  void aFileThatCannotBeOpenedIsRefusedWhenNamed() throws Exception {
    Path file = Files.write(temp.resolve("secret.pdf"), new byte[] {1});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Path unreadable = canOpen(file) ? Path.of("/sys/bus/pci/rescan") : file;
    assumeTrue(Files.isRegularFile(unreadable) && !canOpen(unreadable), "no unreadable regular file here");

    assertThatThrownBy(() -> Attachment.of(unreadable))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read", unreadable.toString());
  }

  private static boolean canOpen(Path path) {
    try {
      Files.newInputStream(path).close();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** A file gone after it was named: an IOException OkHttp reports as a failed call, never an unchecked one. */
  @Test
  void aFileGoneBeforeSendingIsAnIOExceptionNotAnUncheckedOne() throws Exception {
    Path file = Files.write(temp.resolve("gone.pdf"), new byte[] {1, 2});
    Attachment attachment = Attachment.of(file);
    Files.delete(file);

    assertThat(attachment.size()).isEqualTo(-1);
    assertThatThrownBy(() -> attachment.toRequestBody().contentLength()).isInstanceOf(IOException.class)
        .isNotInstanceOf(UncheckedIOException.class);
  }

  @Test
  void controlCharactersInAContentTypeAreRefused() {
    for (String hostile : new String[] {"text/plain; x=\"\r\nX-Injected: yes\r\n\"", "text/plain\n", "text/plain; a=\"\u0000\"",
        "text/plain; a=\"\u00e9\""}) {
      assertThatThrownBy(() -> Attachment.of("a.txt", new byte[1]).withContentType(hostile))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content type");
    }
  }

  @Test
  void aBackslashInAFileNameIsPercentEncodedAndControlsAreRefused() {
    assertThat(Attachment.of("trail\\", new byte[1]).fileName()).isEqualTo("trail%5C");
    assertThat(Attachment.of("a\\b.pdf", new byte[1]).withContentType("text/plain").fileName()).isEqualTo("a%5Cb.pdf");
    for (String hostile : new String[] {"a\u0000.pdf", "a\r.pdf", "a\n.pdf", "a\u007f.pdf", "a\u0085.pdf"}) {
      assertThatThrownBy(() -> Attachment.of(hostile, new byte[1])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("control character");
    }
  }
}
