package io.github.unipilechat.files;

import io.github.unipilechat.internal.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file to upload: from disk (streamed, never read whole), from bytes, or from a stream. Immutable.
 *
 * <p>A stream can be read once, so a request carrying one cannot be retried; paths and bytes can.
 */
public final class Attachment {
  private final String fileName;
  private final String contentType;
  private final MediaType mediaType;
  private final Content content;

  private sealed interface Content permits FromPath, FromBytes, FromStream {}

  private record FromPath(Path path) implements Content {}

  private record FromBytes(byte[] bytes) implements Content {}

  private record FromStream(InputStream stream) implements Content {}

  private Attachment(String fileName, String contentType, Content content) {
    this.fileName = requireFileName(fileName);
    this.contentType = requireContentType(contentType);
    this.mediaType = ContentTypes.parse(contentType); // fails fast on a malformed type
    this.content = content;
  }

  /**
   * A file on disk, streamed when the request is written. Its name is the path's file name. The file is opened
   * once here, so one that cannot be read (missing, a directory, permission denied) is refused before anything
   * is sent.
   */
  public static Attachment of(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("attachment: not a readable regular file: " + path);
    }
    try (FileChannel readable = FileChannel.open(path, StandardOpenOption.READ)) {
      readable.size();
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("attachment: cannot read " + path + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
    String name = path.getFileName().toString();
    return new Attachment(name, ContentTypes.forFileName(name), new FromPath(path));
  }

  /** In-memory content; the array is copied so later changes to it do not leak into the request. */
  public static Attachment of(String fileName, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new Attachment(fileName, ContentTypes.forFileName(fileName), new FromBytes(bytes.clone()));
  }

  /**
   * Content read from {@code stream} while the request is written, then closed; such a request is never
   * retried.
   */
  public static Attachment of(String fileName, InputStream stream) {
    Objects.requireNonNull(stream, "stream");
    return new Attachment(fileName, ContentTypes.forFileName(fileName), new FromStream(stream));
  }

  /** The same content announced with another media type. */
  public Attachment withContentType(String contentType) {
    return new Attachment(fileName, contentType, content);
  }

  /**
   * The name the part carries: as given, except that a backslash is sent percent-encoded ({@code %5C}, as RFC 7578
   * allows), because multipart parsers read it as an escape ({@code trail\\} would swallow the closing quote).
   */
  public String fileName() {
    return fileName;
  }

  /** The part's content type: the one given, or the one the file name implies. */
  public String contentType() {
    return contentType;
  }

  /** Whether the content can be written more than once (false for a stream). */
  public boolean replayable() {
    return !(content instanceof FromStream);
  }

  /** The size in bytes, or -1 when only reading would tell (a stream, or a file that can no longer be read). */
  public long size() {
    try {
      return length();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Like {@link #size()}, but a file that vanished is an IOException, which OkHttp reports as a failed call. */
  private long length() throws IOException {
    if (content instanceof FromPath p) {
      return Files.size(p.path());
    }
    if (content instanceof FromBytes b) {
      return b.bytes().length;
    }
    return -1;
  }

  /** The body OkHttp writes; content is pulled from its source only while writing. */
  public RequestBody toRequestBody() {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return mediaType;
      }

      @Override
      public long contentLength() throws IOException {
        return length();
      }

      @Override
      public boolean isOneShot() {
        return !replayable();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        if (content instanceof FromBytes b) {
          sink.write(b.bytes());
          return;
        }
        try (Source source = open()) {
          sink.writeAll(source);
        }
      }
    };
  }

  private Source open() throws IOException {
    if (content instanceof FromPath p) {
      return Okio.source(p.path());
    }
    return Okio.source(((FromStream) content).stream());
  }

  @Override
  public String toString() {
    return "Attachment{" + fileName + ", " + contentType + "}";
  }

  /**
   * Refuses a missing name and control characters (NUL, CR, LF, ...: no multipart parser reads them back the
   * same); percent-encodes the backslash. OkHttp itself encodes {@code "} as {@code %22}.
   */
  private static String requireFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("attachment: a file name is required (it names the upload)");
    }
    int control = firstControl(fileName);
    if (control >= 0) {
      throw new IllegalArgumentException("attachment: the file name contains a control character (U+"
          + String.format("%04X", (int) fileName.charAt(control)) + ") at index " + control);
    }
    return fileName.replace("\\", "%5C");
  }

  /** Refuses control characters: inside quotes OkHttp's header parser accepts CR/LF, which would inject a header. */
  private static String requireContentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    for (int i = 0; i < contentType.length(); i++) {
      char c = contentType.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException("attachment: the content type must be printable ASCII (a control or"
            + " non-ASCII character at index " + i + " could split the part's headers)");
      }
    }
    return contentType;
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return i;
      }
    }
    return -1;
  }
}
