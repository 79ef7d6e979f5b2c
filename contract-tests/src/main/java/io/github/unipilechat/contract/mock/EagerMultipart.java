package io.github.unipilechat.contract.mock;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a multipart body asynchronously, before the route runs (the route's {@code getParts()} then finds it
 * parsed): a slow sender waits on the network, not on a worker thread. A body declared over the limit is left
 * unread, for the route to refuse from its length.
 */
final class EagerMultipart extends EagerContentHandler {
  private static final String PARTS = MultiPartFormData.class.getName();

  private EagerMultipart(MultiPartConfig config) {
    super(new MultiPartContentLoaderFactory(config));
  }

  /** With the mock's limits: the same as the route's {@code MultipartConfigElement}. */
  @SuppressWarnings("unchecked") // ConditionalHandler.exclude takes generic varargs
  static EagerMultipart of(long maxRequestBytes, int maxParts, long memoryPartBytes) {
    MultiPartConfig config = new MultiPartConfig.Builder()
        .location(Path.of(System.getProperty("java.io.tmpdir")))
        .maxParts(maxParts)
        .maxSize(maxRequestBytes)
        .maxPartSize(maxRequestBytes)
        .maxMemoryPartSize(memoryPartBytes)
        .build();
    EagerMultipart eager = new EagerMultipart(config);
    eager.exclude(request -> request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > maxRequestBytes);
    return eager;
  }

  @Override
  protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
    return super.onConditionsMet(request, response, Callback.from(() -> forgetFailedParse(request), callback));
  }

  /**
   * Jetty 12.1's request completion joins the parse it finds on the request and throws on a failed one, losing the
   * answer already written (the route answered the failure). The route has read it by now: drop it.
   */
  private static void forgetFailedParse(Request request) {
    if (request.getAttribute(PARTS) instanceof CompletableFuture<?> parse && parse.isCompletedExceptionally()) {
      request.removeAttribute(PARTS);
    }
  }
}
