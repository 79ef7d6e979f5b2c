package io.github.unipilechat.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.internal.spec.Bound;
import io.github.unipilechat.multipart.FormPart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
    Bound bound = Bound.of(request);
    HttpUrl.Builder url = baseUrl.newBuilder();
    String path = request.expandedPath();
    url.addEncodedPathSegments(path.startsWith("/") ? path.substring(1) : path);
    for (Map.Entry<String, String> query : request.queryParameters()) {
      url.addQueryParameter(query.getKey(), query.getValue());
    }
    SendTracker tracker = new SendTracker();
    Request.Builder http = new Request.Builder().url(url.build()).tag(SendTracker.class, tracker);
    request.headerParameters().forEach(http::header);
    String method = bound.operation().method();
    RequestBody body = body(request, bound.sentType(), method);
    return http.method(method, body == null ? null : new TrackedBody(body, tracker)).build();
  }

  /** The body in the media type the request was built and checked with ({@link Bound#sentType()}). */
  private static RequestBody body(OperationRequest request, String sentType, String method) {
    if (sentType == null) {
      // POST, PUT and PATCH always carry a body in OkHttp: an empty one, with no media type, as a request without one.
      boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
      return needsBody ? RequestBody.create(NOTHING, null) : null;
    }
    Optional<JsonNode> json = request.json();
    if (json.isPresent()) {
      try {
        return RequestBody.create(MAPPER.writeValueAsBytes(json.get()), MediaType.get(sentType));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree always writes", e);
      }
    }
    if (request.parts().isEmpty()) {
      // A form with no part at all: OkHttp's builder refuses that, but the request is still a form, and a form's body
      // is never empty: the closing delimiter alone is one with no part.
      return RequestBody.create(EMPTY_FORM, EMPTY_FORM_TYPE);
    }
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (FormPart part : request.parts()) {
      form.addPart(part.toOkHttp());
    }
    return form.build();
  }
}
