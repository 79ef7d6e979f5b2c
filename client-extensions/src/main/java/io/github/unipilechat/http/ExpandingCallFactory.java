package io.github.unipilechat.http;

import io.github.unipilechat.multipart.PartGroup;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Hands Retrofit's requests to OkHttp with every {@link PartGroup} spliced into the multipart body. */
final class ExpandingCallFactory implements Call.Factory {
  private final Call.Factory delegate;

  ExpandingCallFactory(Call.Factory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Call newCall(Request request) {
    RequestBody body = request.body();
    RequestBody expanded = PartGroup.expand(body);
    if (expanded == body) {
      return delegate.newCall(request);
    }
    return delegate.newCall(request.newBuilder().method(request.method(), expanded).build());
  }
}
