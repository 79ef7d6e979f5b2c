package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.ValidationResult;
import io.github.unipilechat.contract.spec.Violation;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unipile stand-in for {@code POST /api/v1/chats} that reads bracket-style multipart like the provider,
 * checks each request against the spec and answers as the spec says. For trying the client without an
 * account, and for testing code that sends chats.
 *
 * <pre>{@code
 * try (MockUnipileServer mock = MockUnipileServer.builder().build().start()) {
 *   client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("any").build();
 *   ...
 *   assertThat(mock.journal().last().text("account_id")).isEqualTo("acc_1");
 * }
 * }</pre>
 *
 * <p>{@code Prefer: code=422} (optionally {@code , type=errors/…}) asks for a spec-conforming error;
 * {@code Prefer: delay=2000} answers late.
 */
public final class MockUnipileServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 3114;
  private static final Logger LOG = LoggerFactory.getLogger(MockUnipileServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "X-API-KEY";

  private final String host;
  private final int requestedPort;
  private final String expectedApiKey;
  private final SpecValidator spec;
  private final Map<Integer, List<String>> errorTypes;
  private final Journal journal = new Journal();
  private volatile String defaultPrefer;
  private Javalin app;

  private MockUnipileServer(Builder builder) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.expectedApiKey = builder.expectedApiKey;
    this.spec = builder.spec == null ? SpecValidator.bundled() : builder.spec;
    this.errorTypes = spec.errorTypes();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this server for chaining. */
  public synchronized MockUnipileServer start() {
    if (app != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = 2L * 1024 * 1024 * 1024;
      config.jetty.multipartConfig.maxFileSize(2, SizeUnit.GB);
      config.jetty.multipartConfig.maxTotalRequestSize(2, SizeUnit.GB);
      config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      config.routes.post(SpecValidator.PATH, this::startChat);
    });
    app.start(host, requestedPort);
    return this;
  }

  public int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** e.g. {@code http://127.0.0.1:3114}, ready for the client's {@code baseUrl}. */
  public String baseUrl() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port();
  }

  public Journal journal() {
    return journal;
  }

  /**
   * Answers as if every request carried this {@code Prefer} header (its own header still wins), e.g.
   * {@code "code=422, type=errors/no_connection_with_recipient"}; null to stop. For tests whose client cannot
   * send the header, such as Pact provider states.
   */
  public void preferByDefault(String prefer) {
    Prefer.parse(prefer);
    this.defaultPrefer = prefer;
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void startChat(Context ctx) throws InterruptedException {
    Prefer prefer;
    try {
      String header = ctx.header("Prefer");
      prefer = Prefer.parse(header != null ? header : defaultPrefer);
    } catch (IllegalArgumentException e) {
      answerError(ctx, 400, "errors/invalid_parameters", e.getMessage(), List.of(), null);
      return;
    }
    if (!prefer.delay().isZero()) {
      Thread.sleep(prefer.delay().toMillis());
    }
    String key = ctx.header(API_KEY);
    if (key == null || key.isBlank()) {
      answerError(ctx, 401, "errors/missing_credentials", "The X-API-KEY header is required.", List.of(), null);
      return;
    }
    if (expectedApiKey != null && !expectedApiKey.equals(key)) {
      answerError(ctx, 401, "errors/invalid_credentials", "The X-API-KEY is not the one this mock expects.", List.of(), null);
      return;
    }
    if (!ctx.isMultipartFormData()) {
      answerError(ctx, 400, "errors/malformed_request", "The body must be multipart/form-data, got "
          + Objects.requireNonNullElse(ctx.contentType(), "no content type") + ".", List.of(), null);
      return;
    }
    DecodedRequest decoded = spec.decoder().decode(received(ctx));
    ValidationResult result = spec.validateRequest(decoded, true);
    if (!result.valid()) {
      boolean missing = result.violations().stream().anyMatch(v -> v.rule().equals("is required"));
      answerError(ctx, 400, missing ? "errors/missing_parameters" : "errors/invalid_parameters",
          result.summary(), result.violations(), decoded);
      return;
    }
    if (prefer.status().isPresent()) {
      preferredError(ctx, prefer, decoded);
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("object", "ChatStarted")
        .put("chat_id", id()).put("message_id", id());
    answer(ctx, 201, body, decoded, List.of());
  }

  private void preferredError(Context ctx, Prefer prefer, DecodedRequest decoded) {
    int status = prefer.code();
    List<String> types = errorTypes.get(status);
    if (types == null) {
      answerError(ctx, 400, "errors/invalid_parameters", "Prefer code=" + status
          + " is not a documented error status of POST /api/v1/chats (documented: " + errorTypes.keySet() + ").", List.of(), decoded);
      return;
    }
    String type = prefer.type() == null ? types.get(0) : prefer.type();
    if (!types.contains(type)) {
      answerError(ctx, 400, "errors/invalid_parameters", "Prefer type=" + type + " is not a documented type of status "
          + status + " (documented: " + types + ").", List.of(), decoded);
      return;
    }
    answerError(ctx, status, type, "Answer requested with Prefer: code=" + status + ".", List.of(), decoded);
  }

  private void answerError(Context ctx, int status, String type, String detail, List<Violation> violations, DecodedRequest decoded) {
    ObjectNode body = JSON.createObjectNode()
        .put("title", HttpStatus.forStatus(status).getMessage())
        .put("detail", detail)
        .put("instance", SpecValidator.PATH)
        .put("type", type)
        .put("status", status);
    if (status == 429 || status == 503) {
      ctx.header("Retry-After", "1");
    }
    answer(ctx, status, body, decoded, violations);
  }

  private void answer(Context ctx, int status, ObjectNode body, DecodedRequest decoded, List<Violation> violations) {
    ctx.status(status).contentType("application/json").result(body.toString());
    journal.add(new JournalEntry(
        decoded == null ? JSON.createObjectNode() : decoded.fields(),
        decoded == null ? List.of() : decoded.files(),
        redactedHeaders(ctx), status, violations));
    if (violations.isEmpty()) {
      LOG.info("POST {} -> {} fields: {}", SpecValidator.PATH, status, decoded == null ? "-" : fieldNames(decoded));
    } else {
      LOG.info("POST {} -> {} invalid: {}", SpecValidator.PATH, status,
          violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", ")));
    }
  }

  /** The top-level field names that arrived (names only: values are the user's data), printable characters only. */
  private static String fieldNames(DecodedRequest decoded) {
    List<String> names = new ArrayList<>();
    decoded.fields().fieldNames().forEachRemaining(name -> names.add(name.replaceAll("[^\\w\\[\\]-]", "?")));
    return names.size() <= 40 ? String.join(", ", names) : String.join(", ", names.subList(0, 40)) + ", ...";
  }

  private static List<ReceivedField> received(Context ctx) {
    List<ReceivedField> fields = new ArrayList<>();
    ctx.formParamMap().forEach((name, values) -> values.forEach(value -> fields.add(new ReceivedField.Text(name, value))));
    for (Map.Entry<String, List<UploadedFile>> files : ctx.uploadedFileMap().entrySet()) {
      for (UploadedFile file : files.getValue()) {
        fields.add(new ReceivedField.File(files.getKey(), file.filename(), file.contentType(), file.size()));
      }
    }
    return fields;
  }

  private static Map<String, String> redactedHeaders(Context ctx) {
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name, name.equalsIgnoreCase(API_KEY) ? "[redacted]" : value));
    return headers;
  }

  private static String id() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  }

  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String expectedApiKey;
    private SpecValidator spec;

    private Builder() {}

    /** Where to listen; loopback by default, so nothing outside this machine can reach the mock. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Refuse requests whose X-API-KEY differs (401 invalid_credentials). By default any non-empty key passes. */
    public Builder expectedApiKey(String expectedApiKey) {
      this.expectedApiKey = expectedApiKey;
      return this;
    }

    /** Validate against another document than the bundled one (e.g. a provider's newer spec). */
    public Builder spec(SpecValidator spec) {
      this.spec = spec;
      return this;
    }

    public MockUnipileServer build() {
      return new MockUnipileServer(this);
    }
  }
}
