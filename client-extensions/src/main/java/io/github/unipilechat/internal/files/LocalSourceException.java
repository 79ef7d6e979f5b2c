package io.github.unipilechat.internal.files;

import java.io.IOException;

/**
 * An attachment's own content failed while the request was being written (the file vanished, became unreadable,
 * or holds fewer bytes than the part announced): a local failure, not the network's. Raised as an IOException
 * because that is what OkHttp lets a request body throw; the client's outcome classifier tells it apart.
 */
public final class LocalSourceException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param source the attachment as a message names it (its path, or its file name)
   * @param problem what went wrong, e.g. "holds 10 bytes, not the 20 announced"
   * @param cause the read's own failure, or null
   */
  public LocalSourceException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The attachment as a message names it. */
  public String source() {
    return source;
  }

  /** What went wrong, without the attachment's name. */
  public String problem() {
    return getMessage().substring(source.length() + 2);
  }

  /** The first LocalSourceException in {@code e}'s cause chain (bounded), or null. */
  public static LocalSourceException in(Throwable e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      if (cause instanceof LocalSourceException local) {
        return local;
      }
    }
    return null;
  }
}
