package io.github.unipilechat.contract.pact;

import au.com.dius.pact.consumer.Headers;
import au.com.dius.pact.consumer.dsl.BodyBuilder;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import io.github.unipilechat.files.Attachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.MultipartReader;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The multipart fields a consumer test expects the client to send, in the client's order. It becomes the pact's
 * request body (one part per field, so the pact file lists every bracket field and file) and is compared field by
 * field with what Pact's mock server really received, because Pact JVM's multipart matcher only looks at the
 * first part.
 */
final class ExpectedForm {
  static final String TEXT = "text/plain; charset=UTF-8";
  static final String BOUNDARY = "pact-unipile-chat-boundary";

  /** One field: a text value, or a file (fileName non-null) with its content type and bytes. */
  record Field(String name, String value, String fileName, String contentType, byte[] bytes) {
    static Field text(String name, String value) {
      return new Field(name, value, null, TEXT, value.getBytes(StandardCharsets.UTF_8));
    }

    static Field file(String name, Attachment attachment, byte[] bytes) {
      return new Field(name, null, attachment.fileName(), attachment.contentType(), bytes);
    }

    boolean isFile() {
      return fileName != null;
    }

    /** How the field reads in the pact's comments and in failure messages. */
    String describe() {
      return isFile()
          ? name + " = file " + fileName + " (" + contentType + ", " + bytes.length + " bytes)"
          : name + " = " + value;
    }
  }

  private final List<Field> fields = new ArrayList<>();

  ExpectedForm text(String name, String value) {
    fields.add(Field.text(name, value));
    return this;
  }

  ExpectedForm add(Field field) {
    fields.add(field);
    return this;
  }

  ExpectedForm file(String name, Attachment attachment, byte[] bytes) {
    fields.add(Field.file(name, attachment, bytes));
    return this;
  }

  List<Field> fields() {
    return List.copyOf(fields);
  }

  /**
   * The pact's request body: a real multipart body with one part per expected field, written by OkHttp exactly
   * as the client writes its parts (Pact's own {@code MultipartBuilder} cannot declare a text part as
   * {@code text/plain; charset=UTF-8}, and its matcher compares the first part's headers verbatim). The
   * boundary is fixed; a header rule lets the client's random boundary match.
   */
  BodyBuilder toPactBody() {
    return toPactBody(BOUNDARY);
  }

  BodyBuilder toPactBody(String boundary) {
    MultipartBody.Builder multipart = new MultipartBody.Builder(boundary).setType(MultipartBody.FORM);
    for (Field field : fields) {
      RequestBody body = RequestBody.create(field.bytes(), MediaType.get(field.contentType()));
      multipart.addPart(MultipartBody.Part.createFormData(field.name(), field.fileName(), body));
    }
    MultipartBody body = multipart.build();
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.readByteArray();
    String contentType = body.contentType().toString();
    return new BodyBuilder() {
      @Override
      public MatchingRuleCategory getMatchers() {
        return new MatchingRuleCategory("body");
      }

      @Override
      public MatchingRuleCategory getHeaderMatchers() {
        MatchingRuleCategory headers = new MatchingRuleCategory("header");
        headers.addRule("Content-Type", new RegexMatcher(Headers.MULTIPART_HEADER_REGEX, contentType));
        return headers;
      }

      @Override
      public Generators getGenerators() {
        return new Generators();
      }

      @Override
      public ContentType getContentType() {
        return new ContentType(contentType);
      }

      @Override
      public byte[] buildBody() {
        return bytes.clone();
      }
    };
  }

  /** One line per field, for the interaction's comments. */
  List<String> describe() {
    return fields.stream().map(Field::describe).toList();
  }

  /** The fields of a received multipart body, read with OkHttp's {@link MultipartReader}. */
  static List<Field> read(byte[] body, String contentType) throws IOException {
    String boundary = MediaType.get(contentType).parameter("boundary");
    List<Field> read = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      for (MultipartReader.Part next = reader.nextPart(); next != null; next = reader.nextPart()) {
        try (MultipartReader.Part part = next) {
          String disposition = part.headers().get("Content-Disposition");
          String name = parameter(disposition, "name");
          String fileName = parameter(disposition, "filename");
          String type = part.headers().get("Content-Type");
          byte[] bytes = part.body().readByteArray();
          read.add(fileName == null
              ? new Field(name, new String(bytes, StandardCharsets.UTF_8), null, type, bytes)
              : new Field(name, null, fileName, type, bytes));
        }
      }
    }
    return read;
  }

  /** Sorted descriptions: the same fields in any order compare equal. */
  static List<String> comparable(List<Field> fields) {
    return fields.stream().map(f -> f.isFile()
            ? f.name() + " = file " + f.fileName() + " (" + f.contentType() + ") sha=" + java.util.Arrays.hashCode(f.bytes())
            : f.name() + " = " + f.value())
        .sorted(Comparator.naturalOrder()).toList();
  }

  private static String parameter(String header, String key) {
    if (header == null) {
      return null;
    }
    for (String piece : header.split(";")) {
      String p = piece.trim();
      if (p.startsWith(key + "=")) {
        String v = p.substring(key.length() + 1);
        return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }
}
