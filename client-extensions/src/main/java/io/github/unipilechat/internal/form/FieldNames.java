package io.github.unipilechat.internal.form;

import java.util.ArrayList;
import java.util.List;

/**
 * What a field name or an object key may hold. The provider reads {@code [} and {@code ]} in a part's name as
 * nesting ({@code linkedin[follow_up][text]}), so a key holding one would reach another field than the one checked;
 * a control character (NUL, CR, LF, ESC, DEL...) is read back differently by every multipart parser. Neither is
 * ever sent, whatever the request's {@code acceptNotDescribed}.
 */
public final class FieldNames {
  /** The most keys a bracket name may hold after its field: the spec's deepest has 3. */
  public static final int MAX_KEYS = 31;
  private static final int SHOWN_MAX = 120;

  private FieldNames() {}

  /** The index of the first control character in {@code name} (C0, DEL or C1), or -1. */
  public static int controlAt(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code key} holds a bracket. */
  public static boolean hasBracket(String key) {
    return key.indexOf('[') >= 0 || key.indexOf(']') >= 0;
  }

  /**
   * Why {@code key} may not be an object key or a field name, or null when it may: a bracket or a control
   * character. The words are the same in the client, the mock and {@code verify-pact}.
   */
  public static String refusal(String key) {
    int control = controlAt(key);
    if (control >= 0) {
      return "must not contain a control character (U+" + String.format("%04X", (int) key.charAt(control))
          + " at index " + control + ")";
    }
    if (hasBracket(key)) {
      return "must not contain '[' or ']': the provider reads brackets in a name as nesting";
    }
    return null;
  }

  /**
   * A bracket name read as a field and its keys, {@code linkedin[follow_up][text]} → [linkedin, follow_up, text];
   * null when it is not of that form (a stray or unclosed bracket, an empty key, text after the last bracket). At
   * most {@link #MAX_KEYS} keys plus one are read; the caller refuses a longer path.
   */
  public static List<String> path(String name) {
    int open = name.indexOf('[');
    String head = open < 0 ? name : name.substring(0, open);
    if (head.isEmpty() || head.indexOf(']') >= 0) {
      return null;
    }
    List<String> path = new ArrayList<>();
    path.add(head);
    int i = open < 0 ? name.length() : open;
    while (i < name.length()) {
      if (name.charAt(i) != '[') {
        return null;
      }
      int close = i + 1;
      while (close < name.length() && name.charAt(close) != ']' && name.charAt(close) != '[') {
        close++;
      }
      if (close >= name.length() || name.charAt(close) != ']' || close == i + 1) {
        return null;
      }
      path.add(name.substring(i + 1, close));
      if (path.size() > MAX_KEYS + 1) {
        return path;
      }
      i = close + 1;
    }
    return path;
  }

  /** {@code name} as a message may show it: control characters as {@code \\uXXXX}, a long name cut. */
  public static String shown(String name) {
    if (name == null) {
      return "field";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && i < SHOWN_MAX; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (name.length() > SHOWN_MAX) {
      out.append("… (").append(name.length()).append(" characters)");
    }
    return out.toString();
  }
}
