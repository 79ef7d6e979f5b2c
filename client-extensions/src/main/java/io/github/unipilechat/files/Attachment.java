package io.github.unipilechat.files;

import io.github.unipilechat.internal.files.ContentTypes;
import io.github.unipilechat.internal.files.LocalSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file to upload: from disk (streamed, never read whole, unless its reported size is not its content), from
 * bytes, or from a stream. Immutable.
 *
 * <p>A stream can be read once, so a request carrying one cannot be retried; paths and bytes can.
 */
public final class Attachment {
  /**
   * The most read into memory from a file whose reported size is not its content (see {@link #of(Path)}): 4 MiB,
   * far more than any procfs or sysfs file holds.
   */
  public static final int UNSIZED_FILE_LIMIT = 4 << 20;

  private static final long COPY_CHUNK = 8192;

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
   * is sent; so is anything but a regular file (a FIFO, socket or device), without opening it, since reading one
   * may block and its size says nothing.
   *
   * <p>A file whose reported size is not its content (procfs and sysfs files report 0 or 4096 bytes whatever they
   * hold; a file being written grows) is read whole here, up to {@link #UNSIZED_FILE_LIMIT} bytes, and sent as
   * those bytes, so the part's length is true; a longer one is refused.
   */
  public static Attachment of(Path path) {
    Objects.requireNonNull(path, "path");
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("attachment: cannot read " + path + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
    if (!attributes.isRegularFile()) {
      throw new IllegalArgumentException("attachment: not a regular file: " + path + " (" + (attributes.isDirectory()
          ? "a directory" : "a FIFO, socket or device: it may never end, and has no size to announce") + ")");
    }
    String name = path.getFileName().toString();
    byte[] whole;
    try (FileChannel readable = FileChannel.open(path, StandardOpenOption.READ)) {
      whole = sizeIsContent(readable) ? null : readWhole(readable, path);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("attachment: cannot read " + path + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
    return new Attachment(name, ContentTypes.forFileName(name), whole == null ? new FromPath(path) : new FromBytes(whole));
  }

  /**
   * Whether the file holds exactly the bytes its size reports: a byte at the last position, none after it. Two
   * one-byte reads, whatever the file's size.
   */
  private static boolean sizeIsContent(FileChannel file) throws IOException {
    long size = file.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    if (size > 0 && file.read(one, size - 1) != 1) {
      return false;
    }
    one.clear();
    return file.read(one, size) <= 0;
  }

  /** The whole content of a file whose size says nothing, from its start; refused past the limit. */
  private static byte[] readWhole(FileChannel file, Path path) throws IOException {
    file.position(0);
    InputStream in = Channels.newInputStream(file);
    byte[] bytes = in.readNBytes(UNSIZED_FILE_LIMIT + 1);
    if (bytes.length > UNSIZED_FILE_LIMIT) {
      throw new IllegalArgumentException("attachment: " + path + " reports " + file.size() + " bytes but holds"
          + " more than " + UNSIZED_FILE_LIMIT + " (a special file, or one still being written): refused, its length"
          + " could not be announced truly");
    }
    return bytes;
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

  /** Like {@link #size()}, but a file that can no longer be read is a {@link LocalSourceException}. */
  private long length() throws IOException {
    if (content instanceof FromPath p) {
      try {
        return Files.size(p.path());
      } catch (IOException | SecurityException e) {
        throw new LocalSourceException(p.path().toString(), "cannot be read any more ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    if (content instanceof FromBytes b) {
      return b.bytes().length;
    }
    return -1;
  }

  /**
   * The body OkHttp writes; content is pulled from its source only while writing. A file's length is taken once,
   * when OkHttp first asks (before anything is sent), and exactly that many bytes are written: the part's and the
   * body's Content-Length stay true if the file grows meanwhile, and a file that shrank fails as a local failure.
   */
  public RequestBody toRequestBody() {
    return new RequestBody() {
      private long length = -2; // not taken yet

      @Override
      public MediaType contentType() {
        return mediaType;
      }

      @Override
      public long contentLength() throws IOException {
        if (length == -2) {
          length = length();
        }
        return length;
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
        long expected = contentLength();
        try (Source source = open()) {
          copy(source, sink, expected);
        }
      }
    };
  }

  /**
   * Copies {@code expected} bytes (all of them when -1) from the content to the sink. A failure to read is the
   * content's, a {@link LocalSourceException}; a failure to write is the network's and passes as it is.
   */
  private void copy(Source source, BufferedSink sink, long expected) throws IOException {
    Buffer chunk = new Buffer();
    long written = 0;
    while (expected < 0 || written < expected) {
      long read;
      try {
        read = source.read(chunk, expected < 0 ? COPY_CHUNK : Math.min(COPY_CHUNK, expected - written));
      } catch (IOException | RuntimeException e) {
        throw new LocalSourceException(describeSource(), "failed while being read (" + e.getClass().getSimpleName()
            + ")", e);
      }
      if (read == -1) {
        if (expected < 0) {
          return;
        }
        throw new LocalSourceException(describeSource(), "holds " + written + " bytes, fewer than the " + expected
            + " announced when the request started (the file shrank)", null);
      }
      sink.write(chunk, read);
      written += read;
    }
  }

  private Source open() throws IOException {
    if (content instanceof FromPath p) {
      try {
        return Okio.source(p.path());
      } catch (IOException | SecurityException e) {
        throw new LocalSourceException(p.path().toString(), "cannot be read any more ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    return Okio.source(((FromStream) content).stream());
  }

  /** The content as a failure names it: a file's path, else the upload's name. */
  private String describeSource() {
    return content instanceof FromPath p ? p.path().toString() : fileName;
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
