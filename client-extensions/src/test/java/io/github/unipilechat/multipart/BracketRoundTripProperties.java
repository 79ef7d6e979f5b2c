package io.github.unipilechat.multipart;

import io.github.unipilechat.internal.LinkedInParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.options.LinkedInOptions;
import io.github.unipilechat.wire.CapturedForm;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.MultipartBody;
import okio.Buffer;

/** Random options survive encode → OkHttp's writer → OkHttp's multipart parser → the same leaves. */
class BracketRoundTripProperties {

  @Property(tries = 200)
  void recruiterOptionsRoundTrip(@ForAll("recruiter") ObjectNode options) throws IOException {
    assertThat(sentLeaves(LinkedInOptions.fromJson(options.toString()))).isEqualTo(leaves("linkedin", options));
  }

  @Property(tries = 100)
  void classicOptionsRoundTrip(@ForAll("classic") ObjectNode options) throws IOException {
    assertThat(sentLeaves(LinkedInOptions.fromJson(options.toString()))).isEqualTo(leaves("linkedin", options));
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

  private static Arbitrary<String> text() {
    // Emoji are appended whole: jqwik picks single chars, and half a surrogate pair is not text.
    Arbitrary<String> plain = Arbitraries.strings().withChars("aZ09 \"'\\;=[]{}\r\n\té—<>&").ofMinLength(1).ofMaxLength(40);
    return Arbitraries.oneOf(plain, plain.map(s -> s + "👋"));
  }

  @Provide
  Arbitrary<ObjectNode> recruiter() {
    Arbitrary<ObjectNode> scheduled = Arbitraries.oneOf(
        Arbitraries.integers().between(3, 28).map(days -> node().put("days", days)),
        Arbitraries.integers().between(1, 4).map(weeks -> node().put("weeks", weeks)));
    Arbitrary<String> zone = Arbitraries.of("Europe/Paris", "America/Phoenix", "Asia/Tokyo", "UTC");
    return Combinators.combine(text(), text(), text(), Arbitraries.of("PUBLIC", "PRIVATE", "PROJECT"), scheduled, zone, text())
        .as((signature, subject, followText, visibility, time, tz, project) -> {
          ObjectNode options = node().put("api", "recruiter").put("signature", signature)
              .put("visibility", visibility).put("hiring_project_id", project);
          ObjectNode followUp = options.putObject("follow_up").put("subject", subject).put("text", followText);
          followUp.set("scheduled_time", time.put("timezone", tz));
          return options;
        });
  }

  @Provide
  Arbitrary<ObjectNode> classic() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("service_request", "request_demo", "support", "careers", "other"), text())
        .as((inmail, topic, invitation) -> node().put("api", "classic").put("inmail", inmail).put("topic", topic)
            .put("invitation_id", invitation));
  }

  private static ObjectNode node() {
    return JsonNodeFactory.instance.objectNode();
  }
}
