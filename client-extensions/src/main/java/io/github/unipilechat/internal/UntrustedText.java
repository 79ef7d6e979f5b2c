package io.github.unipilechat.internal;

/** Makes untrusted text fit one line of a message: no control characters, collapsed spaces, bounded length. */
public final class UntrustedText {
  private UntrustedText() {}

  /** {@code text} on one line, printable only, at most {@code max} characters (then "..." marks the cut). */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (out.length() >= max) {
        return out.toString().strip() + "...";
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
