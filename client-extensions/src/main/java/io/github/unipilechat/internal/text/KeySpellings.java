package io.github.unipilechat.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every way a text may carry one key, worked out once per key, and the scrubber that redacts them all.
 *
 * <p>The forms: the key; the key without trailing {@code =} (a base64 key pasted as {@code --field KEY} splits
 * there); its base64, standard and URL-safe, padded and not; and the part of its base64 that is the same whatever
 * surrounds the key in a longer encoded value (Basic auth, a token), at each of the three byte offsets base64 can
 * put it at. Each form is found as is, or with any of its characters written as a JSON escape ({@code \/},
 * {@code \\u002F}, any letter case) or a URL escape ({@code %2F}, any case; {@code +} for a space): a text
 * holding a backslash or a percent sign is searched in a decoded copy ({@link EscapesDecoded}), and what matched
 * is redacted in the text as it came.
 *
 * <p>A text without either sign costs two character scans and an {@code indexOf} per probe (the forms no shorter
 * form is inside: a handful); a text without the key is returned as is, never copied.
 */
public final class KeySpellings {
  /** What stands where a spelling of the key was. */
  public static final String REDACTED = "[redacted]";

  /**
   * A form derived from the key (an encoding, the unpadded key) shorter than this is not used: it would match
   * ordinary text. The key itself is always redacted.
   */
  static final int MIN_DERIVED = 8;

  /** Every form, the key first among those of its length; overlapping matches merge into one redaction. */
  private final List<String> forms;
  /** The forms no shorter form is inside: if none of these is in a text, no form is. */
  private final List<String> probes;
  /** The key holds a space, which URL form encoding writes as {@code +}. */
  private final boolean plusIsSpace;

  public KeySpellings(String key) {
    this.forms = forms(key);
    this.probes = probes(forms);
    this.plusIsSpace = key.indexOf(' ') >= 0;
  }

  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    EscapesDecoded decoded = mayBeEscaped(text) ? EscapesDecoded.of(text, plusIsSpace) : null;
    String view = decoded == null ? text : decoded.text();
    if (!anyProbeIn(view)) {
      return text;
    }
    // Where each form is, in the text as it came: [start, end) pairs, merged where they touch or overlap.
    List<int[]> spans = new ArrayList<>();
    for (String form : forms) {
      for (int at = view.indexOf(form); at >= 0; at = view.indexOf(form, at + 1)) {
        spans.add(decoded == null ? new int[] {at, at + form.length()}
            : new int[] {decoded.start(at), decoded.start(at + form.length())});
      }
    }
    spans.sort(Comparator.comparingInt(span -> span[0]));
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int[] span : spans) {
      if (span[0] >= copied) {
        out.append(text, copied, span[0]).append(REDACTED);
      }
      copied = Math.max(copied, span[1]);
    }
    return out.append(text, copied, text.length()).toString();
  }

  public boolean foundIn(String text) {
    return text != null && anyProbeIn(mayBeEscaped(text) ? EscapesDecoded.of(text, plusIsSpace).text() : text);
  }

  private boolean anyProbeIn(String text) {
    for (String probe : probes) {
      if (text.contains(probe)) {
        return true;
      }
    }
    return false;
  }

  private boolean mayBeEscaped(String text) {
    return text.indexOf('\\') >= 0 || text.indexOf('%') >= 0 || plusIsSpace && text.indexOf('+') >= 0;
  }

  private static List<String> forms(String key) {
    Set<String> derived = new LinkedHashSet<>();
    int unpadded = key.length();
    while (unpadded > 0 && key.charAt(unpadded - 1) == '=') {
      unpadded--;
    }
    derived.add(key.substring(0, unpadded));
    byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      String whole = encoder.encodeToString(bytes);
      derived.add(whole);
      derived.add(whole.replace("=", ""));
      for (int offset = 0; offset < 3; offset++) {
        derived.add(inside(encoder, bytes, offset));
      }
    }
    List<String> forms = new ArrayList<>();
    forms.add(key);
    derived.stream().filter(form -> form.length() >= MIN_DERIVED && !forms.contains(form)).forEach(forms::add);
    forms.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(forms);
  }

  /**
   * The base64 characters that encode only the key's bits when it starts {@code offset} bytes past a 3-byte group:
   * the characters before mix in the bytes before it, those after in the bytes after it.
   */
  private static String inside(Base64.Encoder encoder, byte[] key, int offset) {
    byte[] shifted = new byte[offset + key.length];
    System.arraycopy(key, 0, shifted, offset, key.length);
    String encoded = encoder.withoutPadding().encodeToString(shifted);
    int first = offset == 0 ? 0 : offset + 1;
    int end = 8 * shifted.length / 6;
    return encoded.substring(first, end);
  }

  private static List<String> probes(List<String> forms) {
    List<String> shortestFirst = new ArrayList<>(forms);
    shortestFirst.sort(Comparator.comparingInt(String::length));
    List<String> probes = new ArrayList<>();
    for (String form : shortestFirst) {
      if (probes.stream().noneMatch(form::contains)) {
        probes.add(form);
      }
    }
    return List.copyOf(probes);
  }
}
