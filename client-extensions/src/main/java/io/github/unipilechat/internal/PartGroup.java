package io.github.unipilechat.internal;

import io.github.unipilechat.multipart.FormPart;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Several parts travelling through the one unnamed {@code @Part} slot of the generated Retrofit method.
 *
 * <p>The generated signature has a single part where the provider takes many (every attachment, every
 * bracket-named LinkedIn leaf). Retrofit passes this group through untouched and {@link #expand} splices its
 * parts into the body before it is sent, so the generated interface keeps deciding the method, path and
 * plain fields.
 */
public final class PartGroup extends RequestBody {
  private final List<MultipartBody.Part> parts;

  private PartGroup(List<MultipartBody.Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** A part for the generated slot that stands for all of {@code parts}. */
  public static MultipartBody.Part of(List<FormPart> parts) {
    List<MultipartBody.Part> okParts = parts.stream().map(FormPart::toOkHttp).toList();
    return MultipartBody.Part.create(Headers.of("Content-Disposition", "form-data; name=\"group\""), new PartGroup(okParts));
  }

  /** The body with every group replaced by the parts it stands for; other bodies are returned as they are. */
  public static RequestBody expand(RequestBody body) {
    if (!(body instanceof MultipartBody multipart)
        || multipart.parts().stream().noneMatch(part -> part.body() instanceof PartGroup)) {
      return body;
    }
    MultipartBody.Builder expanded = new MultipartBody.Builder(multipart.boundary()).setType(multipart.type());
    for (MultipartBody.Part part : multipart.parts()) {
      if (part.body() instanceof PartGroup group) {
        group.parts.forEach(expanded::addPart);
      } else {
        expanded.addPart(part);
      }
    }
    return expanded.build();
  }

  @Override
  public MediaType contentType() {
    return null;
  }

  @Override
  public void writeTo(BufferedSink sink) {
    throw new IllegalStateException("a PartGroup must be expanded before the request is written");
  }
}
