package io.github.unipilechat.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.LinkedInParts;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.wire.CapturedForm;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.MultipartBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Random options survive encode → OkHttp's writer → OkHttp's multipart parser → the same leaves. The cases come from
 * a fixed seed, so every build runs the same ones; {@code -Dunipile.test.seed=N} runs others, and a failure names the
 * seed that reproduces it.
 */
class BracketRoundTripTest {
  private static final long SEED = Long.parseLong(System.getProperty("unipile.test.seed", "21"));

  @Test
  void recruiterOptionsRoundTrip() throws Exception {
    forEachCase(SEED, 200, random -> {
      ObjectNode options = recruiter(random);
      assertThat(sentLeaves(LinkedInOptions.fromJson(options.toString()))).as("%s", options)
          .isEqualTo(leaves("linkedin", options));
    });
  }

  @Test
  void classicOptionsRoundTrip() throws Exception {
    forEachCase(SEED, 100, random -> {
      ObjectNode options = classic(random);
      assertThat(sentLeaves(LinkedInOptions.fromJson(options.toString()))).as("%s", options)
          .isEqualTo(leaves("linkedin", options));
    });
  }

  /** Negative control of the comparison: an encoder that dropped one bracket level would not pass it. */
  @Test
  void leavesOneLevelOffAreNotTheLeavesSent() throws IOException {
    ObjectNode options = recruiter(new Random(SEED));
    Map<String, String> offByOne = new LinkedHashMap<>();
    leaves("linkedin", options).forEach((name, value) -> offByOne.put(name.replace("[scheduled_time]", ""), value));

    assertThat(sentLeaves(LinkedInOptions.fromJson(options.toString())))
        .isEqualTo(leaves("linkedin", options)).isNotEqualTo(offByOne);
  }

  /** Negative control of the harness: a failing case is reported with the seed that reproduces it. */
  @Test
  void aFailingCaseNamesItsSeed() {
    assertThatThrownBy(() -> forEachCase(7, 3, random -> assertThat(random.nextInt(10)).isNegative()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("case 1 of 3, seed 7 (rerun with -Dunipile.test.seed=7)");
  }

  @Test
  void aSeedDrawsTheSameCasesEveryTime() {
    assertThat(recruiter(new Random(7))).isEqualTo(recruiter(new Random(7)));
  }

  /** One case: a check of values drawn from {@code random}. */
  @FunctionalInterface
  private interface Case {
    void check(Random random) throws Exception;
  }

  /** Runs {@code count} cases drawn in turn from one generator seeded with {@code seed}. */
  private static void forEachCase(long seed, int count, Case body) throws Exception {
    Random random = new Random(seed);
    for (int i = 1; i <= count; i++) {
      try {
        body.check(random);
      } catch (Exception | AssertionError e) {
        throw new AssertionError("case " + i + " of " + count + ", seed " + seed + " (rerun with -Dunipile.test.seed="
            + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static Map<String, String> sentLeaves(LinkedInOptions options) throws IOException {
    MultipartBody.Builder body = new MultipartBody.Builder("roundtrip-boundary").setType(MultipartBody.FORM);
    List<FormPart> parts = LinkedInParts.of(options);
    parts.forEach(part -> body.addPart(part.toOkHttp()));
    Buffer buffer = new Buffer();
    body.build().writeTo(buffer);
    Map<String, String> sent = new LinkedHashMap<>();
    CapturedForm.parse(buffer.readByteString(), "roundtrip-boundary").parts()
        .forEach(part -> assertThat(sent.put(part.name(), part.text())).as("repeated " + part.name()).isNull());
    return sent;
  }

  private static Map<String, String> leaves(String name, JsonNode node) {
    Map<String, String> leaves = new LinkedHashMap<>();
    collect(name, node, leaves);
    return leaves;
  }

  private static void collect(String name, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(name + "[" + field.getKey() + "]", field.getValue(), leaves);
      }
    } else {
      leaves.put(name, node.asText());
    }
  }

  /** 1 to 40 characters the multipart writer must escape or keep, half the time with an emoji after them. */
  private static String text(Random random) {
    String chars = "aZ09 \"'\\;=[]{}\r\n\té—<>&";
    int length = 1 + random.nextInt(40);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    // Emoji are appended whole: half a surrogate pair is not text.
    return random.nextBoolean() ? text + "👋" : text.toString();
  }

  private static String oneOf(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static ObjectNode recruiter(Random random) {
    ObjectNode time = random.nextBoolean() ? node().put("days", 3 + random.nextInt(26)) : node().put("weeks", 1 + random.nextInt(4));
    time.put("timezone", oneOf(random, "Europe/Paris", "America/Phoenix", "Asia/Tokyo", "UTC"));
    ObjectNode options = node().put("api", "recruiter").put("signature", text(random))
        .put("visibility", oneOf(random, "PUBLIC", "PRIVATE", "PROJECT")).put("hiring_project_id", text(random));
    ObjectNode followUp = options.putObject("follow_up").put("subject", text(random)).put("text", text(random));
    followUp.set("scheduled_time", time);
    return options;
  }

  private static ObjectNode classic(Random random) {
    return node().put("api", "classic").put("inmail", random.nextBoolean())
        .put("topic", oneOf(random, "service_request", "request_demo", "support", "careers", "other"))
        .put("invitation_id", text(random));
  }

  private static ObjectNode node() {
    return JsonNodeFactory.instance.objectNode();
  }
}
