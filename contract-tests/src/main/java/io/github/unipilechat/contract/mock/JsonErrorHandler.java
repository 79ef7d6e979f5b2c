package io.github.unipilechat.contract.mock;

import io.github.unipilechat.contract.spec.SpecValidator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before the mock sees the request (a header over 8 KB, a control character in one, a
 * path over 8 KB, a broken request line, a URI the servlet layer finds ambiguous), answered as the spec's error
 * JSON instead of Jetty's HTML page, which quotes the URI. A status the spec documents stays; another client error
 * (and 505) becomes the spec's {@code 400} ({@code errors/content_too_large} for a request too large to read,
 * {@code errors/malformed_request} else), another server error its {@code 500}. Nothing from the request is copied.
 */
final class JsonErrorHandler implements Request.Handler {
  private final Supplier<SpecValidator> spec;

  JsonErrorHandler(Supplier<SpecValidator> spec) {
    this.spec = spec;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int refused = response.getStatus();
    if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
      refused = http.getCode();
    }
    SpecValidator validator = spec.get();
    // 505 (an HTTP version Jetty does not speak) is the request's fault, like a 4xx.
    int status = validator.errorTypes().containsKey(refused) ? refused : refused < 500 || refused == 505 ? 400 : 500;
    String wanted = refused == 413 || refused == 414 || refused == 431 ? ErrorBody.TOO_LARGE
        : status == 400 ? ErrorBody.MALFORMED : ErrorBody.UNEXPECTED;
    String detail = "The server refused the request before reading it: HTTP " + refused + " " + HttpStatus.getMessage(refused) + ".";
    byte[] body = ErrorBody.of(validator, status, wanted, detail, null).toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
