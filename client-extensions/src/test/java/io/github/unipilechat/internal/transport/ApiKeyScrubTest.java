package io.github.unipilechat.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one scrubber: the configured key in every spelling a server, a library or a user may echo it in. */
class ApiKeyScrubTest {
  /** '/' and '+' have JSON and URL escapes of their own; its base64 has '+' and '/' too (URL-safe: '-', '_'). */
  private static final String KEY = "sk-live/9f8e+7d6c~>?";
  private static final ApiKey API_KEY = ApiKey.of(KEY);

  @Test
  void theKeyAsIsIsRedacted() {
    assertThat(API_KEY.scrub("a " + KEY + " b")).isEqualTo("a [redacted] b");
  }

  @Test
  void textWithoutTheKeyIsReturnedAsIsNotCopied() {
    String near = "a sk-live/9f8e+7d6c~> b %2F \\u0073 " + b64(KEY).substring(1);
    assertThat(API_KEY.scrub(near)).isSameAs(near);
    assertThat(API_KEY.scrub(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-live\\/9f8e+7d6c~>?", "sk-live\\u002F9f8e+7d6c~>?", "sk-live\\u002f9f8e\\u002B7d6c~>?",
      "\\u0073\\u006B-live/9f8e+7d6c~\\u003e?"})
  void aJsonEscapedKeyInAnyLetterCaseIsRedacted(String spelled) {
    assertThat(API_KEY.scrub("{\"k\":\"" + spelled + "\"}")).isEqualTo("{\"k\":\"[redacted]\"}");
  }

  @Test
  void aUrlEncodedKeyInAnyHexCaseIsRedacted() {
    String encoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
    assertThat(encoded).contains("%2F", "%2B");
    for (String spelled : List.of(encoded, encoded.toLowerCase(Locale.ROOT),
        everyCharacterPercentEncoded(KEY, false), everyCharacterPercentEncoded(KEY, true))) {
      assertThat(API_KEY.scrub("GET /x?key=" + spelled + "&y=1")).isEqualTo("GET /x?key=[redacted]&y=1");
    }
  }

  @Test
  void aSpaceInTheKeyMayBeAPlusOnceUrlEncoded() {
    ApiKey spaced = ApiKey.of("sk live 9f8e7d6c");
    assertThat(spaced.scrub("key=sk+live+9f8e7d6c")).isEqualTo("key=[redacted]");
    assertThat(spaced.scrub("key=sk%20live+9f8e7d6c")).isEqualTo("key=[redacted]");
  }

  @Test
  void theKeyInBase64StandardOrUrlSafeWithOrWithoutPaddingIsRedacted() {
    String standard = b64(KEY);
    assertThat(standard).contains("+").endsWith("=");
    String urlSafe = Base64.getUrlEncoder().encodeToString(KEY.getBytes(StandardCharsets.US_ASCII));
    for (String encoded : List.of(standard, standard.replace("=", ""), urlSafe, urlSafe.replace("=", ""),
        URLEncoder.encode(standard, StandardCharsets.UTF_8), standard.replace("/", "\\/"))) {
      assertThat(API_KEY.scrub("type: " + encoded + ".")).as(encoded).isEqualTo("type: [redacted].");
    }
  }

  /** Basic auth, a JWT, a token: the key's bytes anywhere in a longer encoded value, at each of base64's 3 offsets. */
  @Test
  void theKeyInsideALongerBase64ValueIsRedactedAtEveryAlignment() {
    for (int before = 0; before < 6; before++) {
      for (int after = 0; after < 4; after++) {
        String plain = "u".repeat(before) + KEY + "v".repeat(after);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
          String encoded = encoder.encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
          String scrubbed = API_KEY.scrub("Authorization: Basic " + encoded);
          assertThat(scrubbed).as(plain).contains("[redacted]");
          // What is left is the encoding of the bytes around the key, and at most a few bits of its ends.
          String left = scrubbed.replace("Authorization: Basic ", "").replace("[redacted]", "");
          assertThat(left.length()).as(plain).isLessThanOrEqualTo((before + after) * 4 / 3 + 6);
        }
      }
    }
  }

  /** A base64 key pasted as {@code --field KEY} splits at its first '=': the name is the key without padding. */
  @Test
  void aBase64KeyWithoutItsPaddingIsRedacted() {
    ApiKey base64Key = ApiKey.of("Y2xpLXNlY3JldC01MWQwLXBhZA==");
    assertThat(base64Key.scrub("Y2xpLXNlY3JldC01MWQwLXBhZA: not a field of the spec"))
        .isEqualTo("[redacted]: not a field of the spec");
  }

  /** Found in the decoded text, cut from the text as it came: the escapes around it stay as they were. */
  @Test
  void eachSpellingIsCutWholeAndTheRestIsKeptByteForByte() {
    ApiKey base64Key = ApiKey.of("Y2xpLXNlY3JldC01MWQwLXBhZA==");
    assertThat(base64Key.scrub("a%20Y2xpLXNlY3JldC01MWQwLXBhZA%3d%3d%20b \\u0041 100%"))
        .isEqualTo("a%20[redacted]%20b \\u0041 100%");
    assertThat(API_KEY.scrub(KEY + KEY + " " + KEY)).isEqualTo("[redacted][redacted] [redacted]");
  }

  @Test
  void aShortKeyRedactsOnlyItselfNotShortEncodingsThatWouldGarbleText() {
    ApiKey shortKey = ApiKey.of("abc");
    assertThat(shortKey.scrub("YWJj is base64 of abc")).isEqualTo("YWJj is base64 of [redacted]");
  }

  @Test
  void foundInSaysWhetherAnySpellingIsThere() {
    assertThat(API_KEY.foundIn("x " + b64(KEY) + " y")).isTrue();
    assertThat(API_KEY.foundIn("x sk-live%2F9f8e%2B7d6c~%3E%3F y")).isTrue();
    assertThat(API_KEY.foundIn("x sk-live/9f8e+7d6c y")).isFalse();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static String everyCharacterPercentEncoded(String text, boolean upper) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      String hex = HexFormat.of().toHexDigits(b);
      out.append('%').append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
    }
    return out.toString();
  }
}
