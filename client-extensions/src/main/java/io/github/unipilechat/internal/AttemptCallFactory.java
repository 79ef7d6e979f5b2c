package io.github.unipilechat.internal;

import okhttp3.Call;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Hands Retrofit's requests to OkHttp as attempts: every {@link PartGroup} spliced into the multipart body and a
 * fresh {@link SendTracker} tagged on, in one copy of the request.
 */
final class AttemptCallFactory implements Call.Factory {
  private final Call.Factory delegate;

  AttemptCallFactory(Call.Factory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Call newCall(Request request) {
    Request.Builder attempt = request.newBuilder().tag(SendTracker.class, new SendTracker());
    RequestBody body = request.body();
    RequestBody expanded = PartGroup.expand(body);
    if (expanded != body) {
      attempt.method(request.method(), expanded);
    }
    return delegate.newCall(attempt.build());
  }
}
