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
   * @throws IOException the body is not multipart, has no boundary or is cut short
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
