package io.github.unipilechat.internal;

import io.github.unipilechat.errors.ApiError;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Keeps at most {@link ApiError#BODY_LIMIT} bytes (and one more, to tell a cut) of an error answer's body and
 * leaves the rest unread. Retrofit buffers an error body whole before the client sees it, so the bound must be
 * applied here: a 300 MB error page would otherwise end in {@code OutOfMemoryError}.
 */
final class BoundedErrorBody implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (response.isSuccessful() || body == null) {
      return response;
    }
    ResponseBody bounded;
    try (body) {
      bounded = response.peekBody(ApiError.BODY_LIMIT + 1L);
    }
    return response.newBuilder().body(bounded).build();
  }
}
