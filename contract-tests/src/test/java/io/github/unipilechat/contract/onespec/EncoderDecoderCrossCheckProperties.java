package io.github.unipilechat.contract.onespec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The client's encoder cross-checked by the kit's decoder, which reads the wire by the schema's declared types and
 * never calls the encoder: a random valid request, sent by the real client and captured, decodes to the JSON the
 * generator meant (built here, independently of both) and passes the kit's check. A bug in either side (a lost
 * field, a bracket path off by one level, a number sent as text) shows as a difference. The client's own
 * BracketRoundTripProperties checks the encoder's leaves against OkHttp's parser; this adds the kit's reading.
 */
class EncoderDecoderCrossCheckProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final SpecValidator SPEC = SpecValidator.bundled();
  /** Numbers compare by value: the decoder reads "5" as a decimal, the generator writes an int. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
  private static MockWebServer server;
  private static UnipileChatClient client;

  @BeforeContainer
  static void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
    client = UnipileChatClient.builder().baseUrl(server.url("/").toString()).apiKey("k").maxRetries(0).build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @Property(tries = 100)
  void whatTheClientSendsTheKitReadsBack(@ForAll("requests") ObjectNode meant) throws Exception {
    StartChatRequest.Builder builder = StartChatRequest.builder().accountId(meant.get("account_id").asText());
    meant.get("attendees_ids").forEach(id -> builder.attendee(id.asText()));
    Optional.ofNullable(meant.get("text")).ifPresent(text -> builder.text(text.asText()));
    Optional.ofNullable(meant.get("subject")).ifPresent(subject -> builder.subject(subject.asText()));
    Optional.ofNullable(meant.get("linkedin")).ifPresent(options -> builder.linkedIn(LinkedInOptions.fromJson(options.toString())));

    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}").build());
    client.startChat(builder.build());
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    List<ReceivedField> received = MultipartFields.read(recorded.getBody().toByteArray(),
        recorded.getHeaders().get("Content-Type")).stream()
        .map(field -> (ReceivedField) new ReceivedField.Text(field.name(), field.text())).toList();
    DecodedRequest decoded = SPEC.decoder().decode(received);

    assertThat(decoded.fields().equals(BY_VALUE, meant)).as("decoded %s, meant %s", decoded.fields(), meant).isTrue();
    assertThat(SPEC.validateRequest(decoded, true).violations()).isEmpty();
  }

  /** Negative control: an encoder that drops one bracket level would not pass the comparison above. */
  @Example
  void aBracketPathOffByOneLevelDecodesToOtherJson() {
    ObjectNode meant = JSON.objectNode().put("account_id", "a");
    meant.putArray("attendees_ids").add("b");
    meant.putObject("linkedin").put("api", "recruiter").putObject("follow_up").putObject("scheduled_time").put("days", 5);
    DecodedRequest offByOne = SPEC.decoder().decode(List.of(new ReceivedField.Text("account_id", "a"),
        new ReceivedField.Text("attendees_ids", "b"), new ReceivedField.Text("linkedin[api]", "recruiter"),
        new ReceivedField.Text("linkedin[follow_up][days]", "5")));

    assertThat(offByOne.fields().equals(BY_VALUE, meant)).isFalse();
  }

  @Provide
  Arbitrary<ObjectNode> requests() {
    Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank() && s.chars().noneMatch(c -> c == '\r' || Character.isSurrogate((char) c)));
    Arbitrary<Optional<String>> optionalText = text.optional(0.5);
    Arbitrary<List<String>> attendees = id.list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<Optional<ObjectNode>> linkedIn = Arbitraries.oneOf(classic(id), recruiter(id, text)).optional(0.7);
    return Combinators.combine(id, attendees, optionalText, optionalText, linkedIn).as((account, ids, body, subject, options) -> {
      ObjectNode request = JSON.objectNode().put("account_id", account);
      ids.forEach(request.putArray("attendees_ids")::add);
      body.ifPresent(value -> request.put("text", value));
      subject.ifPresent(value -> request.put("subject", value));
      options.ifPresent(value -> request.set("linkedin", value));
      return request;
    });
  }

  private static Arbitrary<ObjectNode> classic(Arbitrary<String> id) {
    return Combinators.combine(Arbitraries.of(true, false).optional(0.5),
        Arbitraries.of("service_request", "request_demo", "support", "careers", "other").optional(0.5),
        id.optional(0.5), Arbitraries.of(true, false)).as((inmail, topic, applicant, withApi) -> {
          ObjectNode options = JSON.objectNode();
          if (withApi) {
            options.put("api", "classic");
          }
          inmail.ifPresent(value -> options.put("inmail", value));
          topic.ifPresent(value -> options.put("topic", value));
          applicant.ifPresent(value -> options.put("applicant_id", value));
          // An empty object has no leaf to send: multipart cannot carry {} (the encoder sends nothing).
          return options.isEmpty() ? options.put("api", "classic") : options;
        });
  }

  private static Arbitrary<ObjectNode> recruiter(Arbitrary<String> id, Arbitrary<String> text) {
    Arbitrary<ObjectNode> scheduled = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(3, 28),
        Arbitraries.integers().between(1, 4), Arbitraries.of("UTC", "Europe/Paris", "America/Phoenix", "Asia/Kolkata"))
        .as((inDays, days, weeks, zone) -> {
          ObjectNode time = JSON.objectNode();
          if (inDays) {
            time.put("days", days);
          } else {
            time.put("weeks", weeks);
          }
          return time.put("timezone", zone);
        });
    Arbitrary<Optional<ObjectNode>> followUp = Combinators.combine(text, text, scheduled)
        .as((subject, body, time) -> {
          ObjectNode node = JSON.objectNode().put("subject", subject).put("text", body);
          node.set("scheduled_time", time);
          return node;
        }).optional(0.6);
    return Combinators.combine(text.optional(0.5), id.optional(0.5), Arbitraries.of("PUBLIC", "PRIVATE", "PROJECT").optional(0.5), followUp)
        .as((signature, project, visibility, follow) -> {
          ObjectNode options = JSON.objectNode().put("api", "recruiter");
          signature.ifPresent(value -> options.put("signature", value));
          project.ifPresent(value -> options.put("hiring_project_id", value));
          visibility.ifPresent(value -> options.put("visibility", value));
          follow.ifPresent(value -> options.set("follow_up", value));
          return options;
        });
  }
}
