package io.github.unipilechat.contract.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests written byte for byte on a loopback socket, for what an HTTP client refuses to send (a control character
 * in a header, a 9 KB path). The answer is read until the server closes or {@link #MAX_ANSWER_BYTES}, within
 * {@link #TIMEOUT_MILLIS}.
 */
final class RawHttp {
  static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_ANSWER_BYTES = 256 * 1024;
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  /** The status, headers (names lower-cased) and body of an answer. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, without the blank line), a {@code Connection: close} and {@code body}. */
  static Answer send(MockUnipileServer mock, String head, String body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), TIMEOUT_MILLIS);
      String request = head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return read(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer on {@code socket}, read as {@link #send} does. */
  static Answer read(Socket socket) throws IOException {
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return parse(readAnswer(socket.getInputStream()));
  }

  /** Until the declared Content-Length has arrived, the server closes, or the time or size bound is reached. */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; !complete(answer.toString(StandardCharsets.ISO_8859_1)) && answer.size() < MAX_ANSWER_BYTES
          && (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | SocketException stoppedReading) {
      // what arrived is the answer (a reset after it, or a server that keeps the connection)
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(String answer) {
    int headEnd = answer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return false;
    }
    Matcher length = CONTENT_LENGTH.matcher(answer.substring(0, headEnd));
    return length.find() && answer.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
  }

  private static Answer parse(String answer) {
    int headEnd = answer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new AssertionError("no complete answer: " + answer);
    }
    String[] lines = answer.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = answer.substring(headEnd + 4);
    return new Answer(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunked(body) : body);
  }

  private static String unchunked(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
