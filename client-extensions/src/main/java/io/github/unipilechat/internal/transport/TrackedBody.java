package io.github.unipilechat.internal.transport;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * A request body that tells its {@link SendTracker} when its first byte is handed to the connection, so that a
 * failure of an attachment's content before then is known to have sent no body at all. Bytes are handed on in whole
 * buffer segments as they fill, as OkHttp's own buffered sink does, and the rest when the body is written.
 */
final class TrackedBody extends RequestBody {
  private final RequestBody delegate;
  private final SendTracker tracker;

  TrackedBody(RequestBody delegate, SendTracker tracker) {
    this.delegate = delegate;
    this.tracker = tracker;
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() throws IOException {
    return delegate.contentLength();
  }

  @Override
  public boolean isOneShot() {
    return delegate.isOneShot();
  }

  @Override
  public boolean isDuplex() {
    return delegate.isDuplex();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    BufferedSink counted = Okio.buffer(new ForwardingSink(sink) {
      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        if (byteCount > 0) {
          tracker.markBodyStarted();
        }
        super.write(source, byteCount);
      }

      @Override
      public void close() {
        // OkHttp closes its own sink after writeTo; closing it here would end the body early.
      }
    });
    delegate.writeTo(counted);
    counted.emit();
  }
}
