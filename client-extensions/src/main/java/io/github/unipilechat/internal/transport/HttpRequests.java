package io.github.unipilechat.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.internal.spec.Bound;
import io.github.unipilechat.multipart.FormPart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An {@link OperationRequest} as the HTTP request OkHttp writes: the operation's method, its path template filled in
 * under the base URL, query and header parameters, and the body its media type asks for. One function, read top to
 * bottom; nothing here knows an operation by name.
 */
final class HttpRequests {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] NOTHING = new byte[0];
  private static final String EMPTY_BOUNDARY = "unipile-empty-form";
  private static final byte[] EMPTY_FORM = ("--" + EMPTY_BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final MediaType EMPTY_FORM_TYPE = MediaType.get("multipart/form-data; boundary=" + EMPTY_BOUNDARY);

  private HttpRequests() {}

  /**
   * The request, tagged with a fresh {@link SendTracker} for this attempt, which its body ({@link TrackedBody}) tells
   * when the body's first byte is handed to the connection.
   */
  static Request of(HttpUrl baseUrl, OperationRequest request) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    String path = request.expandedPath();
    url.addEncodedPathSegments(path.startsWith("/") ? path.substring(1) : path);
    for (Map.Entry<String, String> query : request.queryParameters()) {
      url.addQueryParameter(query.getKey(), query.getValue());
    }
    SendTracker tracker = new SendTracker();
    Request.Builder http = new Request.Builder().url(url.build()).tag(SendTracker.class, tracker);
    request.headerParameters().forEach(http::header);
    RequestBody body = body(request);
    return http.method(Bound.of(request).operation().method(), body == null ? null : new TrackedBody(body, tracker))
        .build();
  }

  private static RequestBody body(OperationRequest request) {
    String method = Bound.of(request).operation().method();
    boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    if (!request.parts().isEmpty()) {
      MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
      for (FormPart part : request.parts()) {
        form.addPart(part.toOkHttp());
      }
      return form.build();
    }
    if (request.json().isPresent()) {
      try {
        // The JSON media type the operation declares (application/json, or a +json type), as the check was shown it.
        MediaType declared = MediaType.parse(Bound.of(request).operation().body().map(b -> b.mediaType()).orElse(""));
        return RequestBody.create(MAPPER.writeValueAsBytes(request.json().get()),
            declared != null ? declared : MediaType.get("application/json"));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree always writes", e);
      }
    }
    if (Bound.of(request).operation().body().map(b -> b.isMultipart()).orElse(false)) {
      // A form with no part at all: OkHttp's builder refuses that, but the request is still a form, and a form's body
      // is never empty: the closing delimiter alone is one with no part.
      return RequestBody.create(EMPTY_FORM, EMPTY_FORM_TYPE);
    }
    return needsBody ? RequestBody.create(NOTHING, null) : null;
  }
}
