package io.github.unipilechat.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.mediaType = MediaType.get(contentType); // fails fast on a malformed type
    this.content = content;
  }

  /** A file on disk, streamed when the request is written. Its name is the path's file name. */
  public static Attachment of(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("attachment: not a readable regular file: " + path);
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

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  /** Whether the content can be written more than once (false for a stream). */
  public boolean replayable() {
    return !(content instanceof FromStream);
  }

  /** The size in bytes, or -1 when only reading the stream would tell. */
  public long size() {
    if (content instanceof FromPath p) {
      try {
        return Files.size(p.path());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
      public long contentLength() {
        return size();
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

  private static String requireFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("attachment: a file name is required (it names the upload)");
    }
    return fileName;
  }
}
