package io.github.unipilechat.internal.text;

import java.util.Locale;

/**
 * Makes untrusted text fit one line of a message: runs of white space and line breaks become one space, other
 * control and invisible formatting characters (ESC, NUL, bidi overrides) are shown as {@code \\uXXXX} escapes,
 * and the length is bounded.
 */
public final class UntrustedText {
  /** Marks where a value was cut. */
  public static final String CUT = "...";

  private UntrustedText() {}

  /**
   * {@code text} on one line, printable only, at most {@code max} characters (then {@link #CUT} marks the cut);
   * {@code ""} for null. Reads no further than the cut, whatever the text's length.
   */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + CUT.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      String shown;
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        shown = String.format(Locale.ROOT, "\\u%04x", (int) c);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        shown = text.substring(i, i + 2); // a pair is one character: never cut between its halves
        i++;
      } else {
        shown = String.valueOf(c);
      }
      if (out.length() + (pendingSpace ? 1 : 0) + shown.length() > max) {
        return out.toString().strip() + CUT;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(shown);
    }
    return out.toString();
  }
}
