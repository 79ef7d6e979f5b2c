package io.github.unipilechat.contract.internal;

/**
 * Text from a request or a pact made safe to print on one terminal line: CR, LF, ESC (ANSI sequences) and every
 * other control character are shown as escapes, so echoed data can neither start a fake line nor recolour one.
 */
public final class Printable {
  private Printable() {}

  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = switch (c) {
        case '\r' -> "\\r";
        case '\n' -> "\\n";
        case '\t' -> "\\t";
        default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
      };
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
