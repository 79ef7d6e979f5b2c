package io.github.unipilechat.contract.pact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/** Reads a multipart/form-data body with OkHttp's {@link MultipartReader}: one {@link Field} per part, in order. */
public final class MultipartFields {
  private MultipartFields() {}

  /** One part: its field name, file name (files only), content type and bytes. */
  public record Field(String name, Optional<String> fileName, Optional<String> contentType, byte[] bytes) {
    /** Whether this part is a file (it has a file name). */
    public boolean isFile() {
      return fileName.isPresent();
    }

    /** The part's bytes as UTF-8 text. */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * @param contentType the body's {@code multipart/form-data; boundary=...} type
   * @throws IOException the body is not multipart, has no boundary, does not use that boundary or is cut short
   */
  public static List<Field> read(byte[] body, String contentType) throws IOException {
    MediaType type = MediaType.parse(contentType == null ? "" : contentType);
    if (type == null || !type.type().equals("multipart")) {
      throw new IOException("not a multipart body (Content-Type " + contentType + ")");
    }
    String boundary = type.parameter("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new IOException("multipart Content-Type without a boundary: " + contentType);
    }
    if (!uses(body, boundary)) {
      // OkHttp's reader would only say "expected at least 1 part", or nothing at all.
      throw new IOException("boundary mismatch: the Content-Type's boundary is not the one the body uses");
    }
    List<Field> fields = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      for (MultipartReader.Part next = reader.nextPart(); next != null; next = reader.nextPart()) {
        try (MultipartReader.Part part = next) {
          String disposition = part.headers().get("Content-Disposition");
          String name = ContentDisposition.parameter(disposition, "name")
              .orElseThrow(() -> new IOException("a part without a field name: Content-Disposition " + disposition));
          fields.add(new Field(name, ContentDisposition.parameter(disposition, "filename"),
              Optional.ofNullable(part.headers().get("Content-Type")), part.body().readByteArray()));
        }
      }
    }
    return List.copyOf(fields);
  }

  /** The {@code boundary} parameter of a content type, if it is a media type with one. */
  static Optional<String> boundary(String contentType) {
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    String boundary = type == null ? null : type.parameter("boundary");
    return boundary == null || boundary.isEmpty() ? Optional.empty() : Optional.of(boundary);
  }

  /**
   * Whether {@code body} has a delimiter line of {@code boundary}: {@code --boundary} at its start or after a line
   * break (a preamble may come first), followed by the line's end, {@code --} or padding, not by more of a name.
   */
  static boolean uses(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    for (int at = 0; at + delimiter.length <= body.length; at++) {
      if ((at == 0 || body[at - 1] == '\n') && startsWith(body, at, delimiter)) {
        int next = at + delimiter.length;
        boolean close = next + 1 < body.length && body[next] == '-' && body[next + 1] == '-';
        if (next == body.length || close || body[next] == '\r' || body[next] == '\n' || body[next] == ' '
            || body[next] == '\t') {
          return true;
        }
      }
    }
    return false;
  }

  /** The boundary of the body's first delimiter line ({@code --boundary}), if a line starts with one. */
  static Optional<String> firstBoundary(byte[] body) {
    for (int at = 0; at + 2 < body.length; at++) {
      if ((at == 0 || body[at - 1] == '\n') && body[at] == '-' && body[at + 1] == '-') {
        int end = at + 2;
        while (end < body.length && body[end] != '\r' && body[end] != '\n' && body[end] != ' ' && body[end] != '\t') {
          end++;
        }
        return end == at + 2 ? Optional.empty()
            : Optional.of(new String(body, at + 2, end - at - 2, StandardCharsets.ISO_8859_1));
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The parameters of a {@code Content-Disposition: form-data; name="..."; filename="..."} header. */
  static final class ContentDisposition {
    private ContentDisposition() {}

    static Optional<String> parameter(String header, String key) {
      if (header == null) {
        return Optional.empty();
      }
      int i = header.indexOf(';');
      while (i >= 0 && i < header.length()) {
        int start = i + 1;
        while (start < header.length() && header.charAt(start) == ' ') {
          start++;
        }
        int eq = header.indexOf('=', start);
        if (eq < 0) {
          return Optional.empty();
        }
        String name = header.substring(start, eq).trim();
        String value;
        int end;
        if (eq + 1 < header.length() && header.charAt(eq + 1) == '"') {
          StringBuilder quoted = new StringBuilder();
          end = eq + 2;
          while (end < header.length() && header.charAt(end) != '"') {
            char c = header.charAt(end);
            if (c == '\\' && end + 1 < header.length()) {
              c = header.charAt(++end);
            }
            quoted.append(c);
            end++;
          }
          value = quoted.toString();
          end = header.indexOf(';', end);
        } else {
          end = header.indexOf(';', eq);
          value = header.substring(eq + 1, end < 0 ? header.length() : end).trim();
        }
        if (name.equalsIgnoreCase(key)) {
          return Optional.of(value);
        }
        i = end;
      }
      return Optional.empty();
    }
  }
}
