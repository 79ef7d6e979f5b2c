package io.github.unipilechat.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.unipilechat.internal.files.ContentTypes;
import io.github.unipilechat.internal.files.LocalSourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.RequestBody;
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
  @Test
  void aFileReportingNoSizeIsReadWholeWhenNamed() throws Exception {
    Path proc = Path.of("/proc/version");
    assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0, "no procfs here");
    byte[] content = Files.readAllBytes(proc);

    Attachment attachment = Attachment.of(proc);

    assertThat(attachment.size()).isEqualTo(content.length).isPositive();
    Buffer written = new Buffer();
    attachment.toRequestBody().writeTo(written);
    assertThat(written.readByteArray()).isEqualTo(content);
  }

  /** sysfs reports a page (4096 bytes) for a file holding a few. */
  @Test
  void aFileReportingMoreThanItHoldsIsReadWholeWhenNamed() throws Exception {
    Path sysfs = Stream.of("/sys/kernel/mm/transparent_hugepage/enabled", "/sys/kernel/profiling",
            "/sys/class/net/lo/mtu", "/sys/kernel/uevent_seqnum", "/sys/fs/cgroup/cgroup.controllers")
        .map(Path::of).filter(p -> canOpen(p) && sizeIsNotContent(p)).findFirst().orElse(null);
    assumeTrue(sysfs != null, "no sysfs file reporting more than it holds here");
    byte[] content = Files.readAllBytes(sysfs);

    Attachment attachment = Attachment.of(sysfs);

    assertThat(attachment.size()).isEqualTo(content.length);
    assertThat(attachment.toRequestBody().contentLength()).isEqualTo(content.length);
  }

  private static boolean sizeIsNotContent(Path path) {
    try {
      return Files.size(path) != Files.readAllBytes(path).length;
    } catch (IOException e) {
      return false;
    }
  }

  /** Opening a FIFO for reading blocks until a writer comes: it is refused from its attributes, never opened. */
  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = temp.resolve("pipe.m4a");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0 && Files.exists(fifo), "no mkfifo here");

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> Attachment.of(fifo))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a regular file")
        .hasMessageContaining("FIFO"));
  }

  @Test
  void aDirectoryIsRefusedWhenNamed() {
    assertThatThrownBy(() -> Attachment.of(temp)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file").hasMessageContaining("directory");
  }

  /** The length is taken once; a file that then shrinks fails writing, as a local failure, not a short body. */
  @Test
  void aFileThatShrankAfterItsLengthWasTakenFailsAsALocalSourceFailure() throws Exception {
    Path file = Files.write(temp.resolve("shrinks.bin"), new byte[100]);
    RequestBody body = Attachment.of(file).toRequestBody();
    assertThat(body.contentLength()).isEqualTo(100);
    Files.write(file, new byte[10]);

    assertThatThrownBy(() -> body.writeTo(new Buffer())).isInstanceOf(LocalSourceException.class)
        .hasMessageContaining("holds 10 bytes, fewer than the 100 announced");
  }

  @Test
  void aFileThatGrewAfterItsLengthWasTakenIsWrittenAtThatLength() throws Exception {
    Path file = Files.write(temp.resolve("grows.bin"), new byte[100]);
    RequestBody body = Attachment.of(file).toRequestBody();
    assertThat(body.contentLength()).isEqualTo(100);
    Files.write(file, new byte[50], StandardOpenOption.APPEND);

    Buffer written = new Buffer();
    body.writeTo(written);
    assertThat(written.size()).isEqualTo(body.contentLength()).isEqualTo(100);
  }

  /** A stream's own failure is the attachment's, not the network's. */
  @Test
  void aStreamFailingWhileReadIsALocalSourceFailure() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };

    assertThatThrownBy(() -> Attachment.of("s.bin", failing).toRequestBody().writeTo(new Buffer()))
        .isInstanceOf(LocalSourceException.class).hasMessageContaining("s.bin");
  }
}
