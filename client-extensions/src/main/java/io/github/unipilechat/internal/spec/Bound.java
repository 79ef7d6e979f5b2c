package io.github.unipilechat.internal.spec;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a public request is bound to: the document and the operation it was checked against. The public request
 * class hands its binding to this project's own layers through {@link #of}, so that no internal type shows in the
 * public API (the JDK's "shared secrets" pattern); the request registers the reader when its class is initialized,
 * which happens before any request exists.
 *
 * @param spec the document
 * @param operation the operation
 * @param sentType the media type its body goes out with, decided once when it was built and shown to the checks
 *     as it is then sent ({@code multipart/form-data}, whose boundary the transport adds, or the operation's JSON
 *     type); null when it sends no body
 */
public record Bound(SpecModel spec, Operation operation, String sentType) {
  private static volatile Function<Object, Bound> reader;

  public Bound {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(operation, "operation");
  }

  /** Registers how to read a request's binding; the request class calls it once, from its static initializer. */
  public static void reader(Function<Object, Bound> read) {
    reader = Objects.requireNonNull(read, "read");
  }

  /**
   * The binding of {@code request}.
   *
   * @throws IllegalStateException when no request class registered a reader (no request can exist then)
   */
  public static Bound of(Object request) {
    Function<Object, Bound> read = reader;
    if (read == null) {
      throw new IllegalStateException("no request class registered its binding");
    }
    return read.apply(request);
  }
}
