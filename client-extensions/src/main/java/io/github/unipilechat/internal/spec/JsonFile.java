package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a JSON file that someone named (a spec, a pact), the same careful way everywhere: only a regular file (a
 * device such as {@code /dev/zero} never ends, a FIFO blocks forever), never more bytes than the limit whatever size
 * the file reports (a device reports 0), and a parse error says where, never what: Jackson's messages quote the
 * text they stopped at, which for a key file named by mistake is the key.
 *
 * <p>Every refusal is an {@link IOException} whose message is the reason alone, without the path; the caller names
 * the file in its own words.
 */
public final class JsonFile {
  /** The largest array a JVM hands out, a little under {@link Integer#MAX_VALUE}. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
  // Locations carry no copy of the input, and trailing text after the value is an error, not ignored.
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A file over the caller's limit: callers add how to raise it. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  private JsonFile() {}

  /**
   * The JSON value in {@code path}, read through at most {@code maxBytes} bytes: {@link #parse}({@link #readBytes}).
   *
   * @throws TooLargeException when the file holds more than {@code maxBytes} bytes (from its size, else as read)
   * @throws IOException no such file, not a regular file, unreadable, or not JSON (with a line and column only)
   */
  public static JsonNode read(Path path, long maxBytes) throws IOException {
    return parse(readBytes(path, maxBytes));
  }

  /**
   * The bytes of {@code path}, a regular file, at most {@code maxBytes} of them.
   *
   * @throws TooLargeException when the file holds more than {@code maxBytes} bytes (from its size, else as read)
   * @throws IOException no such file, not a regular file, or unreadable
   */
  public static byte[] readBytes(Path path, long maxBytes) throws IOException {
    // Follows a symbolic link to its target and judges that: a link to /dev/zero is a device.
    if (!Files.isRegularFile(path)) {
      throw new IOException(Files.exists(path)
          ? "not a regular file (devices, pipes and directories are not read)" : "no such file");
    }
    long limit = Math.min(maxBytes, MAX_ARRAY);
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > limit) {
        throw new TooLargeException(size + " bytes, over the " + limit + "-byte limit");
      }
      try (InputStream in = Files.newInputStream(path)) {
        // Bounded by what is read, not by the size reported above: a file that grows is cut at limit + 1.
        bytes = in.readNBytes((int) limit + 1);
      }
    } catch (TooLargeException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new IOException("no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    } catch (IOException e) {
      throw new IOException("cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    if (bytes.length > limit) {
      throw new TooLargeException("more than " + limit + " bytes, over the " + limit + "-byte limit");
    }
    return bytes;
  }

  /**
   * The JSON value in {@code bytes}.
   *
   * @throws IOException "not JSON: line L, column C" (or "empty"), never quoting the input
   */
  public static JsonNode parse(byte[] bytes) throws IOException {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      // No cause: its message quotes the input, and a --verbose stack trace would print it.
      throw new IOException(where(e));
    }
    if (node == null || node.isMissingNode()) {
      throw new IOException("empty, not JSON");
    }
    return node;
  }

  /** Where the parser stopped and why in general terms; never {@code getMessage()}, which quotes the input. */
  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String reason = e instanceof StreamConstraintsException
        ? "not JSON this reader accepts (nested too deeply, or a name, number or text too long)" : "not JSON";
    return at == null || at.getLineNr() < 1 ? reason
        : reason + ": line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
