package io.github.unipilechat.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/** The parts of a captured multipart body, read back with OkHttp's own multipart parser. */
public record CapturedForm(List<CapturedPart> parts) {
  private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile(";\\s*filename=\"([^\"]*)\"");

  /** One part as it crossed the wire. */
  public record CapturedPart(String name, String fileName, String contentType, ByteString body) {
    public String text() {
      return body.string(StandardCharsets.UTF_8);
    }
  }

  public static CapturedForm of(RecordedRequest request) {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    return parse(request.getBody(), type.parameter("boundary"));
  }

  public static CapturedForm parse(ByteString body, String boundary) {
    List<CapturedPart> parts = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        parts.add(new CapturedPart(
            group(NAME, disposition), group(FILENAME, disposition), part.headers().get("Content-Type"),
            part.body().readByteString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CapturedForm(List.copyOf(parts));
  }

  public List<String> names() {
    return parts.stream().map(CapturedPart::name).toList();
  }

  public List<CapturedPart> all(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).toList();
  }

  /** The single part named {@code name}; fails when there are none or several. */
  public CapturedPart one(String name) {
    List<CapturedPart> matching = all(name);
    if (matching.size() != 1) {
      throw new AssertionError("expected one part named " + name + " but found " + matching.size() + " in " + names());
    }
    return matching.get(0);
  }

  public String text(String name) {
    return one(name).text();
  }

  private static String group(Pattern pattern, String header) {
    if (header == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(header);
    return matcher.find() ? matcher.group(1) : null;
  }
}
