package io.github.unipilechat.contract.onespec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.pact.MultipartFields;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.options.LinkedInOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's encoder cross-checked by the kit's decoder, which reads the wire by the schema's declared types and
 * never calls the encoder: a random valid request, sent by the real client and captured, decodes to the JSON the
 * generator meant (built here, independently of both) and passes the kit's check. A bug in either side (a lost
 * field, a bracket path off by one level, a number sent as text) shows as a difference. The client's own
 * BracketRoundTripTest checks the encoder's leaves against OkHttp's parser; this adds the kit's reading. The cases
 * come from a fixed seed, so every build runs the same ones; {@code -Dunipile.test.seed=N} runs others, and a
 * failure names the seed that reproduces it.
 */
class EncoderDecoderCrossCheckTest {
  private static final long SEED = Long.parseLong(System.getProperty("unipile.test.seed", "21"));
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final SpecValidator SPEC = SpecValidator.bundled();
  /** Numbers compare by value: the decoder reads "5" as a decimal, the generator writes an int. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
  private static MockWebServer server;
  private static UnipileChatClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey("k").maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void whatTheClientSendsTheKitReadsBack() throws Exception {
    forEachCase(SEED, 100, random -> {
      ObjectNode meant = request(random);
      DecodedRequest decoded = SPEC.decoder().decode(sent(meant));

      assertThat(decoded.fields().equals(BY_VALUE, meant)).as("decoded %s, meant %s", decoded.fields(), meant).isTrue();
      assertThat(SPEC.validateRequest(decoded, true).violations()).as("%s", meant).isEmpty();
    });
  }

  /** Negative control: an encoder that drops one bracket level would not pass the comparison above. */
  @Test
  void aBracketPathOffByOneLevelDecodesToOtherJson() {
    ObjectNode meant = JSON.objectNode().put("account_id", "a");
    meant.putArray("attendees_ids").add("b");
    meant.putObject("linkedin").put("api", "recruiter").putObject("follow_up").putObject("scheduled_time").put("days", 5);
    DecodedRequest offByOne = SPEC.decoder().decode(List.of(new ReceivedField.Text("account_id", "a"),
        new ReceivedField.Text("attendees_ids", "b"), new ReceivedField.Text("linkedin[api]", "recruiter"),
        new ReceivedField.Text("linkedin[follow_up][days]", "5")));

    assertThat(offByOne.fields().equals(BY_VALUE, meant)).isFalse();
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
    assertThat(request(new Random(7))).isEqualTo(request(new Random(7)));
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

  /** The fields the real client puts on the wire for {@code meant}, as the mock server captured them. */
  private static List<ReceivedField> sent(ObjectNode meant) throws Exception {
    StartChatRequest.Builder builder = StartChatRequest.builder().accountId(meant.get("account_id").asText());
    meant.get("attendees_ids").forEach(id -> builder.attendee(id.asText()));
    Optional.ofNullable(meant.get("text")).ifPresent(text -> builder.text(text.asText()));
    Optional.ofNullable(meant.get("subject")).ifPresent(subject -> builder.subject(subject.asText()));
    Optional.ofNullable(meant.get("linkedin")).ifPresent(options -> builder.linkedIn(LinkedInOptions.fromJson(options.toString())));

    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}").build());
    client.startChat(builder.build());
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    return MultipartFields.read(recorded.getBody().toByteArray(), recorded.getHeaders().get("Content-Type")).stream()
        .map(field -> (ReceivedField) new ReceivedField.Text(field.name(), field.text())).toList();
  }

  private static ObjectNode request(Random random) {
    ObjectNode request = JSON.objectNode().put("account_id", id(random));
    ArrayNode attendees = request.putArray("attendees_ids");
    int count = 1 + random.nextInt(4);
    while (attendees.size() < count) {
      attendees.add(id(random));
    }
    if (random.nextBoolean()) {
      request.put("text", text(random));
    }
    if (random.nextBoolean()) {
      request.put("subject", text(random));
    }
    if (random.nextInt(10) < 7) {
      request.set("linkedin", random.nextBoolean() ? classic(random) : recruiter(random));
    }
    return request;
  }

  /** 1 to 12 letters and digits. */
  private static String id(Random random) {
    String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder id = new StringBuilder();
    int length = 1 + random.nextInt(12);
    while (id.length() < length) {
      id.append(chars.charAt(random.nextInt(chars.length())));
    }
    return id.toString();
  }

  /**
   * 1 to 40 characters of the Basic Multilingual Plane, not blank, without CR or half a surrogate pair; one in four
   * from characters that the multipart writer or the bracket syntax treat specially.
   */
  private static String text(Random random) {
    String special = " \"'\\;=[]{}\n\t\u0000%+&<>é—";
    int length = 1 + random.nextInt(40);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      char c = random.nextInt(4) == 0 ? special.charAt(random.nextInt(special.length())) : (char) random.nextInt(0x10000);
      if (c != '\r' && !Character.isSurrogate(c)) {
        text.append(c);
      }
    }
    return text.toString().isBlank() ? text(random) : text.toString();
  }

  private static String oneOf(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static ObjectNode classic(Random random) {
    ObjectNode options = JSON.objectNode();
    if (random.nextBoolean()) {
      options.put("api", "classic");
    }
    if (random.nextBoolean()) {
      options.put("inmail", random.nextBoolean());
    }
    if (random.nextBoolean()) {
      options.put("topic", oneOf(random, "service_request", "request_demo", "support", "careers", "other"));
    }
    if (random.nextBoolean()) {
      options.put("applicant_id", id(random));
    }
    // An empty object has no leaf to send: multipart cannot carry {} (the encoder sends nothing).
    return options.isEmpty() ? options.put("api", "classic") : options;
  }

  private static ObjectNode recruiter(Random random) {
    ObjectNode options = JSON.objectNode().put("api", "recruiter");
    if (random.nextBoolean()) {
      options.put("signature", text(random));
    }
    if (random.nextBoolean()) {
      options.put("hiring_project_id", id(random));
    }
    if (random.nextBoolean()) {
      options.put("visibility", oneOf(random, "PUBLIC", "PRIVATE", "PROJECT"));
    }
    if (random.nextInt(10) < 6) {
      ObjectNode followUp = options.putObject("follow_up").put("subject", text(random)).put("text", text(random));
      ObjectNode time = followUp.putObject("scheduled_time");
      if (random.nextBoolean()) {
        time.put("days", 3 + random.nextInt(26));
      } else {
        time.put("weeks", 1 + random.nextInt(4));
      }
      time.put("timezone", oneOf(random, "UTC", "Europe/Paris", "America/Phoenix", "Asia/Kolkata"));
    }
    return options;
  }
}
