package io.github.unipilechat.errors;

import static io.github.unipilechat.wire.ChatServer.API_KEY;
import static io.github.unipilechat.wire.ChatServer.errorJson;
import static io.github.unipilechat.wire.ChatServer.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.CallOptions;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.wire.ChatServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented status and type, read through the real client from a MockWebServer. */
class ApiErrorMappingTest {
  @RegisterExtension
  final ChatServer server = new ChatServer();

  static final Map<Integer, Class<? extends UnipileApiException>> CLASSES = Map.ofEntries(
      Map.entry(400, BadRequestException.class), Map.entry(401, UnauthorizedException.class),
      Map.entry(403, ForbiddenException.class), Map.entry(404, NotFoundException.class),
      Map.entry(415, UnsupportedMediaTypeException.class), Map.entry(422, UnprocessableEntityException.class),
      Map.entry(429, TooManyRequestsException.class), Map.entry(500, InternalServerErrorException.class),
      Map.entry(501, NotImplementedException.class), Map.entry(503, ServiceUnavailableException.class),
      Map.entry(504, GatewayTimeoutException.class));

  /** (status, type) for every type enum value of every error response in the bundled spec. */
  static Stream<Arguments> documentedTypes() {
    JsonNode responses = ProviderSpec.document().at("/paths/~1api~1v1~1chats/post/responses");
    List<Arguments> cases = new ArrayList<>();
    responses.properties().forEach(entry -> {
      int status = Integer.parseInt(entry.getKey());
      JsonNode types = entry.getValue().at("/content/application~1json/schema/properties/type/enum");
      types.forEach(type -> cases.add(Arguments.of(status, type.asText())));
    });
    assertThat(cases).hasSizeGreaterThan(60);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documentedTypes")
  void everyDocumentedStatusAndTypeGivesItsSubclassWithEveryField(int status, String type) {
    server.enqueue(status, errorJson(status, type, "Some title", "Some detail"));

    UnipileApiException e = catchThrowableOfType(UnipileApiException.class,
        () -> server.client().startChat(request(), CallOptions.noRetries()));

    assertThat(server.requests()).isEqualTo(1);
    // A status the spec documents beyond the SDK's subclasses is the base class, never "unexpected".
    assertThat(e).isExactlyInstanceOf(CLASSES.getOrDefault(status, UnipileApiException.class));
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.type().raw()).isEqualTo(type);
    assertThat(e.type().isKnown()).isTrue();
    assertThat(e.type().statuses()).contains(status);
    assertThat(e.title()).contains("Some title");
    assertThat(e.detail()).contains("Some detail");
    assertThat(e.instance()).contains("/api/v1/chats#req-42");
    assertThat(e.body()).isEqualTo(errorJson(status, type, "Some title", "Some detail"));
    assertThat(e.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("HTTP " + status, type, "Some title", "Some detail");
    assertThat(e.mayHaveBeenSent()).isEqualTo(status == 500 || status == 504);
    assertThat(e instanceof OutcomeUnknown).isEqualTo(status == 500 || status == 504);
    if (e.mayHaveBeenSent()) {
      assertThat(e.getMessage()).contains("may have been sent", "list the chat's messages");
    } else {
      assertThat(e.getMessage()).doesNotContain("may have been sent");
    }
  }

  @Test
  void aTypeTheSpecDoesNotListIsKeptAsIs() {
    server.enqueue(422, errorJson(422, "errors/brand_new_thing", "New", "Added after this build"));

    UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.type().raw()).isEqualTo("errors/brand_new_thing");
    assertThat(e.type().isKnown()).isFalse();
    assertThat(e.type().statuses()).isEmpty();
    assertThat(e.type()).isEqualTo(ErrorType.of("errors/brand_new_thing")).isNotEqualTo(ErrorType.UNKNOWN);
    assertThat(e.getMessage()).contains("HTTP 422 errors/brand_new_thing", "not in the spec");
  }

  @Test
  void aTypeOfTheWrongShapeIsNotAParseFailure() {
    server.enqueue(400, "{\"type\":{\"nested\":true},\"status\":\"400\",\"title\":[1,2]}");

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.type()).isEqualTo(ErrorType.UNKNOWN);
    assertThat(e.title()).isEmpty();
  }

  @Test
  void anHtmlBodyFromAProxyGivesTheStatusAndAShortOneLineSnippet() {
    String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(5000) + "</body></html>";
    server.server().enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.type()).isEqualTo(ErrorType.UNKNOWN);
    assertThat(e.body()).isEqualTo(html);
    assertThat(e.getMessage()).contains("HTTP 502", "<html> <head><title>502 Bad Gateway").doesNotContain("\n", "\r");
    assertThat(e.getMessage()).hasSizeLessThan(300);
  }

  @Test
  void anHtmlBodyWithADocumentedStatusStillGivesItsSubclass() {
    server.server().enqueue(new MockResponse.Builder().code(503).body("<h1>Service Unavailable</h1>").build());
    server.server().enqueue(new MockResponse.Builder().code(503).body("<h1>Service Unavailable</h1>").build());
    server.server().enqueue(new MockResponse.Builder().code(503).body("<h1>Service Unavailable</h1>").build());

    ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(3);
    assertThat(e.getMessage()).contains("HTTP 503", "<h1>Service Unavailable</h1>", "after 3 attempts");
  }

  @Test
  void anEmptyBodyGivesTheStatus() {
    server.server().enqueue(new MockResponse.Builder().code(500).build());

    InternalServerErrorException e = catchThrowableOfType(InternalServerErrorException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.body()).isEmpty();
    assertThat(e.type()).isEqualTo(ErrorType.UNKNOWN);
    assertThat(e.getMessage()).contains("HTTP 500", "empty body", "may have been sent");
  }

  @Test
  void truncatedJsonIsTreatedAsText() {
    server.enqueue(404, "{\"type\":\"errors/resource_not_found\",\"title\":\"Not f");

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.type()).isEqualTo(ErrorType.UNKNOWN);
    assertThat(e.getMessage()).contains("HTTP 404", "{\"type\":\"errors/resource_not_found\"");
  }

  @Test
  void unauthorizedCarriesTheConnectionParams() {
    server.enqueue(401, "{\"title\":\"Invalid credentials\",\"type\":\"errors/invalid_credentials_but_valid_account_imap\","
        + "\"status\":401,\"connectionParams\":{\"imap_host\":\"imap.example.com\",\"imap_encryption\":\"SSL\","
        + "\"imap_port\":993,\"imap_user\":\"me@example.com\",\"smtp_host\":\"smtp.example.com\",\"smtp_port\":465,"
        + "\"smtp_user\":\"me@example.com\"}}");

    UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.type()).isEqualTo(ErrorType.INVALID_CREDENTIALS_BUT_VALID_ACCOUNT_IMAP);
    assertThat(e.connectionParams()).contains(new ConnectionParams("imap.example.com", "SSL", 993, "me@example.com",
        "smtp.example.com", 465, "me@example.com"));
  }

  @Test
  void unauthorizedWithoutConnectionParams() {
    server.enqueue(401, errorJson(401, "errors/disconnected_account", "Disconnected", "Reconnect the account"));

    UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.connectionParams()).isEmpty();
    assertThat(e.type()).isEqualTo(ErrorType.DISCONNECTED_ACCOUNT);
  }

  @Test
  void anUndocumentedStatusGivesUnexpectedStatus() {
    int status = IntStream.range(400, 600).filter(code -> !ProviderSpec.documentsStatus(code)).findFirst().orElseThrow();
    server.enqueue(status, errorJson(status, "errors/conflict", "Conflict", "x"));

    UnexpectedStatusException e = catchThrowableOfType(UnexpectedStatusException.class,
        () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.getMessage()).contains("HTTP " + status + " errors/conflict");
  }

  @Test
  void anEchoedKeyIsScrubbedFromMessageBodyAndHeaders() {
    server.server().enqueue(new MockResponse.Builder().code(400).addHeader("X-Echo", "key=" + API_KEY)
        .body(errorJson(400, "errors/invalid_parameters", "Bad key " + API_KEY, "you sent X-API-KEY: " + API_KEY))
        .build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.getMessage()).doesNotContain(API_KEY).contains("[redacted]");
    assertThat(e.toString()).doesNotContain(API_KEY);
    assertThat(e.body()).doesNotContain(API_KEY);
    assertThat(e.detail().orElseThrow()).doesNotContain(API_KEY);
    assertThat(e.headers().get("X-Echo")).isEqualTo("key=[redacted]");
  }

  @Test
  void controlCharactersInTheErrorCannotBreakTheMessageLine() {
    server.enqueue(400, errorJson(400, "errors/invalid_parameters", "a\\r\\nFAKE LOG LINE\\u2028b", "c\\td\\u0000e"));

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> server.client().startChat(request()));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u2028", "\u0000", "\t").contains("a FAKE LOG LINE b", "c d\\u0000e");
  }

  /** The error used to sit in a transient field: every accessor threw after a round trip through serialization. */
  @Test
  void anApiExceptionKeepsEveryFieldThroughSerialization() throws Exception {
    server.server().enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", "7").body("{\"type\":\"errors/disconnected_account\",\"status\":401,\"title\":\"Gone\","
            + "\"detail\":\"d\",\"instance\":\"i\",\"connectionParams\":{\"imap_host\":\"imap.x\",\"imap_port\":993}}").build());
    UnauthorizedException sent = catchThrowableOfType(UnauthorizedException.class,
        () -> server.client().startChat(request()));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sent);
    }
    UnauthorizedException read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (UnauthorizedException) in.readObject();
    }

    assertThat(read.getMessage()).isEqualTo(sent.getMessage());
    assertThat(read.status()).isEqualTo(401);
    assertThat(read.type()).isEqualTo(ErrorType.DISCONNECTED_ACCOUNT);
    assertThat(read.title()).contains("Gone");
    assertThat(read.detail()).contains("d");
    assertThat(read.instance()).contains("i");
    assertThat(read.body()).isEqualTo(sent.body());
    assertThat(read.json()).isEqualTo(sent.json());
    assertThat(read.headers().get("Retry-After")).isEqualTo("7");
    assertThat(read.retryAfter()).contains(java.time.Duration.ofSeconds(7));
    assertThat(read.attempts()).isEqualTo(1);
    assertThat(read.bodyTruncated()).isFalse();
    assertThat(read.connectionParams().orElseThrow().imapPort()).isEqualTo(993);
  }
}
