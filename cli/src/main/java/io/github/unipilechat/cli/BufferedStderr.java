package io.github.unipilechat.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

/**
 * Standard error for {@code mock-server}: buffered, and flushed every {@link #FLUSH_MILLIS} ms and at exit, instead
 * of one write to the terminal per log line (slf4j-simple prints each request's line with a flush). Under load
 * that write was a sixth of the mock's CPU per request; a line now shows at most a tenth of a second late.
 */
final class BufferedStderr {
  static final long FLUSH_MILLIS = 100;

  private BufferedStderr() {}

  /** Replaces {@code System.err} for the rest of the process; returns the new stream. */
  static PrintStream install() {
    // The charset System.err was given (PrintStream.charset() is Java 18).
    String encoding = System.getProperty("sun.stderr.encoding");
    Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
    PrintStream buffered = over(new FileOutputStream(FileDescriptor.err), charset);
    System.setErr(buffered);
    Thread flusher = new Thread(() -> {
      try {
        while (true) {
          TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
          buffered.flush();
        }
      } catch (InterruptedException e) {
        buffered.flush();
      }
    }, "unipile-chat-stderr-flush");
    flusher.setDaemon(true);
    flusher.start();
    Runtime.getRuntime().addShutdownHook(new Thread(buffered::flush, "unipile-chat-stderr-flush-at-exit"));
    return buffered;
  }

  /** The buffered stream over {@code target}: no flush per line. */
  static PrintStream over(OutputStream target, Charset charset) {
    return new PrintStream(new BufferedOutputStream(target, 64 * 1024), false, charset);
  }
}
