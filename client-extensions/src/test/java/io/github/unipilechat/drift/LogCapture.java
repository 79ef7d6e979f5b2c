package io.github.unipilechat.drift;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what slf4j-simple (the tests' binding) prints: it writes to whatever {@code System.err} is at each log
 * call, at INFO and above by default, so WARN lines land here while the capture is open.
 */
final class LogCapture implements AutoCloseable {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream original = System.err;

  LogCapture() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The drift warnings printed so far, one per line. */
  List<String> driftLines() {
    return Arrays.stream(text().split("\\R")).filter(line -> line.contains("differs from the spec")).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
