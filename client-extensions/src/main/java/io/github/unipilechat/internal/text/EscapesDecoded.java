package io.github.unipilechat.internal.text;

/**
 * A text with its JSON and URL escapes decoded, each decoded character knowing where it started in the text, so
 * what is found in the decoded copy can be cut out of the original. Decoded: {@code \\uXXXX}, {@code \/},
 * {@code \"} and {@code \\} (JSON), {@code %XX} (URL, either letter case), and {@code +} as a space when asked.
 * Anything else, a malformed escape included, stays as it is.
 */
final class EscapesDecoded {
  private final String text;
  /** Where decoded character {@code i} started in the original; one more entry: the original's length. */
  private final int[] starts;

  private EscapesDecoded(String text, int[] starts) {
    this.text = text;
    this.starts = starts;
  }

  static EscapesDecoded of(String original, boolean plusIsSpace) {
    int length = original.length();
    StringBuilder decoded = new StringBuilder(length);
    int[] starts = new int[length + 1];
    int at = 0;
    while (at < length) {
      starts[decoded.length()] = at;
      char c = original.charAt(at);
      int width = 1;
      if (c == '\\' && at + 1 < length) {
        char next = original.charAt(at + 1);
        int unicode = next == 'u' ? hex(original, at + 2, 4) : -1;
        if (unicode >= 0) {
          c = (char) unicode;
          width = 6;
        } else if (next == '/' || next == '"' || next == '\\') {
          c = next;
          width = 2;
        }
      } else if (c == '%') {
        int octet = hex(original, at + 1, 2);
        if (octet >= 0) {
          c = (char) octet;
          width = 3;
        }
      } else if (c == '+' && plusIsSpace) {
        c = ' ';
      }
      decoded.append(c);
      at += width;
    }
    starts[decoded.length()] = length;
    return new EscapesDecoded(decoded.toString(), starts);
  }

  String text() {
    return text;
  }

  /** Where decoded character {@code index} started in the original ({@code index} may be the decoded length). */
  int start(int index) {
    return starts[index];
  }

  /** The {@code digits} hex digits at {@code from}, or -1 when they are not all there. */
  private static int hex(String text, int from, int digits) {
    if (from + digits > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = text.charAt(i);
      // ASCII only: Character.digit would also read other scripts' digits.
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
