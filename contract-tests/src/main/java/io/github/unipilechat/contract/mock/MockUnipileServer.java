package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.internal.Printable;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.ValidationResult;
import io.github.unipilechat.contract.spec.Violation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
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
 * {@code Prefer: delay=2000} answers late (at most 60 s, and only to requests with a key).
 *
 * <p>Hostile input gets a spec-shaped JSON answer too: a body that is not readable multipart is
 * {@code 400 errors/malformed_request}; a body over {@link Builder#maxRequestBytes} (default
 * {@value #DEFAULT_MAX_REQUEST_BYTES} bytes) or with more than {@link Builder#maxParts} parts is
 * {@code 400 errors/content_too_large}, refused from its Content-Length before it is read, or once the limit is
 * passed when it has none. A body is read without a worker thread before the route runs, and given up on
 * ({@code 400 errors/malformed_request}) when it comes under 1 KB/s on average once 5 s have passed or is unfinished
 * after 60 s. A path the document does not have is {@code 404}, another method on one it has {@code 405} with
 * {@code Allow}, and Jetty's own refusals (a header or path over 8 KB, a control character in a header) are
 * {@code 400}: all spec-shaped JSON that does not quote the request. The journal keeps the last
 * {@link Builder#journalLimit} requests.
 */
public final class MockUnipileServer implements AutoCloseable {
  /** The port of the local server the spec lists, {@code mock-server}'s default. */
  public static final int DEFAULT_PORT = 3114;
  private static final Logger LOG = LoggerFactory.getLogger(MockUnipileServer.class);
  /** Builds the answers' JSON trees; not a whole ObjectMapper, whose set-up the mock's start would wait for. */
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String API_KEY = "X-API-KEY";
  /** 100 MB: far above any real chat's attachments, far below what would exhaust a developer's machine. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 100L * 1024 * 1024;
  /** Parts per request; 1,001 attendees and a few files fit many times over. */
  public static final int DEFAULT_MAX_PARTS = 10_000;
  /** Requests the journal keeps by default. */
  public static final int DEFAULT_JOURNAL_LIMIT = 1_000;
  /** Where Jetty's servlet request looks for the multipart limits (Javalin sets it the same way). */
  private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
  /** Set on a request the mock's route answered, so the "no such route" answer leaves its own 404 alone. */
  private static final String ANSWERED = MockUnipileServer.class.getName() + ".answered";
  /** A body under this pace once {@link #BODY_GRACE} has passed is given up on (a slow sender, not a client). */
  private static final long MIN_BODY_BYTES_PER_SECOND = 1024;
  private static final Duration BODY_GRACE = Duration.ofSeconds(5);
  /** Whatever its pace, a body takes at most this long (100 MB at 1.7 MB/s; loopback does hundreds). */
  private static final Duration MAX_BODY_TIME = Duration.ofSeconds(60);
  /** Parts up to this size stay in memory; larger ones go to a temporary file. */
  private static final long MEMORY_PART_BYTES = 1024 * 1024;
  private static final String MALFORMED = ErrorBody.MALFORMED;
  private static final String TOO_LARGE = ErrorBody.TOO_LARGE;

  private final String host;
  private final int requestedPort;
  private final String expectedApiKey;
  /** The builder's spec; null for the bundled one, read on first use so Jetty starts while it is still being read. */
  private final SpecValidator givenSpec;
  private final long maxRequestBytes;
  private final int maxParts;
  private final Journal journal;
  private final boolean acceptNotDescribed;
  private volatile String defaultPrefer;
  private volatile DocumentRoutes routes;
  private Javalin app;

  private MockUnipileServer(Builder builder) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.expectedApiKey = builder.expectedApiKey;
    this.givenSpec = builder.spec;
    this.maxRequestBytes = builder.maxRequestBytes;
    this.maxParts = builder.maxParts;
    this.journal = new Journal(builder.journalLimit);
    this.acceptNotDescribed = builder.acceptNotDescribed;
  }

  private SpecValidator spec() {
    return givenSpec != null ? givenSpec : SpecValidator.bundled();
  }

  /** The document's routes, read on the first request that needs them. */
  private DocumentRoutes routes() {
    DocumentRoutes read = routes;
    if (read == null) {
      read = DocumentRoutes.of(spec().document());
      routes = read;
    }
    return read;
  }

  /** A builder: loopback, a free port, the bundled spec, any non-empty key. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this server for chaining. */
  public synchronized MockUnipileServer start() {
    if (app != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    JsonErrorHandler jettyErrors = new JsonErrorHandler(this::spec);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = maxRequestBytes;
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(jettyErrors);
        // Outermost first: the guard times the body the eager reader reads, before any worker thread waits on it.
        server.insertHandler(EagerMultipart.of(maxRequestBytes, maxParts, MEMORY_PART_BYTES));
        server.insertHandler(new SlowBodyGuard(MIN_BODY_BYTES_PER_SECOND, BODY_GRACE, MAX_BODY_TIME));
      });
      // Jetty's form defaults (1,000 keys, 200,000 bytes) would refuse spec-valid requests: 1,001 attendees, a long text.
      config.jetty.modifyServletContextHandler(context -> {
        context.setMaxFormKeys(maxParts);
        context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes));
        context.setErrorHandler(jettyErrors);
      });
      config.routes.post(SpecValidator.PATH, this::startChat);
      config.routes.error(404, this::noRoute);
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("POST {} failed inside the mock", SpecValidator.PATH, e);
        answerError(ctx, 500, "errors/unexpected_error", "The mock failed on this request: "
            + e.getClass().getSimpleName() + ".", List.of(), null);
      });
    });
    app.start(host, requestedPort);
    return this;
  }

  /** The port listened on (the one picked when 0 was asked). */
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

  /** The requests received, newest last (bounded by {@link Builder#journalLimit}). */
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
    // The key first: a request without one must not get to hold a thread with Prefer: delay.
    String key = ctx.header(API_KEY);
    if (key == null || key.isBlank()) {
      answerError(ctx, 401, "errors/missing_credentials", "The X-API-KEY header is required.", List.of(), null);
      return;
    }
    if (expectedApiKey != null && !expectedApiKey.equals(key)) {
      answerError(ctx, 401, "errors/invalid_credentials", "The X-API-KEY is not the one this mock expects.", List.of(), null);
      return;
    }
    Prefer prefer;
    try {
      String header = ctx.header("Prefer");
      prefer = Prefer.parse(header != null ? header : defaultPrefer);
    } catch (IllegalArgumentException e) {
      answerError(ctx, 400, "errors/invalid_parameters", Printable.of(e.getMessage()), List.of(), null);
      return;
    }
    if (!prefer.delay().isZero()) {
      Thread.sleep(prefer.delay().toMillis());
    }
    if (!ctx.isMultipartFormData()) {
      answerError(ctx, 400, MALFORMED, "The body must be multipart/form-data, got "
          + Printable.of(Objects.requireNonNullElse(ctx.contentType(), "no content type")) + ".", List.of(), null);
      return;
    }
    if (!ctx.contentType().toLowerCase(Locale.ROOT).contains("boundary=")) {
      answerError(ctx, 400, MALFORMED, "The multipart/form-data Content-Type has no boundary.", List.of(), null);
      return;
    }
    long length = contentLength(ctx);
    if (length > maxRequestBytes) {
      answerError(ctx, 400, TOO_LARGE, tooLarge(length + " bytes"), List.of(), null);
      return;
    }
    List<ReceivedField> received;
    try {
      received = received(ctx);
    } catch (Exception e) { // Jetty's parser throws ServletException through Javalin's Kotlin
      refuseUnreadable(ctx, e);
      return;
    }
    SpecValidator spec = spec();
    DecodedRequest decoded = spec.decoder().decode(received);
    ValidationResult result = spec.validateRequest(decoded, true).accepting(acceptNotDescribed);
    if (!result.valid()) {
      boolean missing = result.violations().stream().anyMatch(v -> v.rule().equals("is required"));
      answerError(ctx, 400, missing ? "errors/missing_parameters" : "errors/invalid_parameters",
          Printable.of(result.summary()), result.violations(), decoded);
      return;
    }
    if (prefer.status().isPresent()) {
      preferredError(ctx, prefer, decoded);
      return;
    }
    ObjectNode body = JSON.objectNode().put("object", "ChatStarted")
        .put("chat_id", id()).put("message_id", id());
    answer(ctx, 201, body, decoded, List.of());
  }

  /**
   * Javalin found no route: the document decides between "no such path" (404) and "no such method for this path"
   * (405, with {@code Allow}); an operation the document has but the mock does not serve is 501. The request's own
   * path and method are not copied into the answer.
   */
  private void noRoute(Context ctx) {
    if (ctx.attribute(ANSWERED) != null) {
      return; // the route's own 404 (Prefer: code=404)
    }
    DocumentRoutes.Match match = routes().match(ctx.req().getMethod(), ctx.path());
    switch (match.kind()) {
      case NO_SUCH_PATH -> answerNoRoute(ctx, 404, ErrorBody.NOT_FOUND, "No path of the spec matches the request's path.");
      case NO_SUCH_METHOD -> {
        String allowed = String.join(", ", match.allowed());
        ctx.header("Allow", allowed);
        answerNoRoute(ctx, 405, MALFORMED, "The spec has " + allowed + " on this path, not the request's method.");
      }
      case OPERATION -> answerNoRoute(ctx, 501, ErrorBody.NOT_IMPLEMENTED,
          "The spec has this operation; this mock serves POST " + SpecValidator.PATH + " only.");
    }
  }

  /** Outside the operation: no instance, no journal entry (the journal keeps the requests to the operation). */
  private void answerNoRoute(Context ctx, int status, String wanted, String detail) {
    ctx.status(status).contentType("application/json").result(ErrorBody.of(spec(), status, wanted, detail, null).toString());
    LOG.info("{} {} -> {}", Printable.of(cut(ctx.req().getMethod())), Printable.of(cut(ctx.path())), status);
  }

  /** At most 200 characters of a request's text, for the log. */
  private static String cut(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /**
   * Jetty's multipart parser gave up: the body came too slowly, is over a limit (no Content-Length to refuse it
   * earlier) or is not multipart.
   */
  private void refuseUnreadable(Context ctx, Exception e) {
    String reason = "";
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      reason = t.getMessage() == null ? reason : t.getMessage();
      if (t instanceof TimeoutException) { // SlowBodyGuard's pace or total time, or Jetty's idle timeout
        answerError(ctx, 400, MALFORMED, "The body came too slowly: " + Printable.of(reason) + ".", List.of(), null);
        return;
      }
      if (reason.toLowerCase(Locale.ROOT).matches(".*(exceed|too large|too many|max ).*")) {
        answerError(ctx, 400, TOO_LARGE, tooLarge("more") + " (" + Printable.of(reason) + ")", List.of(), null);
        return;
      }
    }
    answerError(ctx, 400, MALFORMED, "The body is not readable multipart/form-data"
        + (reason.isEmpty() ? "." : " (" + Printable.of(reason) + ")."), List.of(), null);
  }

  /** The declared length, or -1 when the body is chunked (then Jetty's multipart limits stop it while reading). */
  private static long contentLength(Context ctx) {
    try {
      return Long.parseLong(Objects.requireNonNullElse(ctx.header("Content-Length"), "-1").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String tooLarge(String size) {
    return "The body is " + size + "; this mock accepts at most " + maxRequestBytes + " bytes in at most "
        + maxParts + " parts (MockUnipileServer.Builder.maxRequestBytes/maxParts, mock-server --max-request-size/--max-parts).";
  }

  private void preferredError(Context ctx, Prefer prefer, DecodedRequest decoded) {
    int status = prefer.code();
    Map<Integer, List<String>> errorTypes = spec().errorTypes();
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

  /**
   * An error answer; {@code wanted} is the type meant, replaced by one the spec documents for the status when it
   * lists others only (see {@link ErrorBody#type}), so every error the mock sends stays spec-valid after the provider
   * renames one.
   */
  private void answerError(Context ctx, int status, String wanted, String detail, List<Violation> violations, DecodedRequest decoded) {
    ObjectNode body = ErrorBody.of(spec(), status, wanted, detail, SpecValidator.PATH);
    if (status == 429 || status == 503) {
      ctx.header("Retry-After", "1");
    }
    answer(ctx, status, body, decoded, violations);
  }

  private void answer(Context ctx, int status, ObjectNode body, DecodedRequest decoded, List<Violation> violations) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status).contentType("application/json").result(body.toString());
    journal.add(new JournalEntry(
        decoded == null ? JSON.objectNode() : decoded.fields(),
        decoded == null ? List.of() : decoded.files(),
        redactedHeaders(ctx), status, violations));
    if (violations.isEmpty()) {
      LOG.info("POST {} -> {} fields: {}", SpecValidator.PATH, status, decoded == null ? "-" : fieldNames(decoded));
    } else {
      LOG.info("POST {} -> {} invalid: {}", SpecValidator.PATH, status,
          Printable.of(violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "))));
    }
  }

  /** The top-level field names that arrived (names only: values are the user's data), printable characters only. */
  private static String fieldNames(DecodedRequest decoded) {
    List<String> names = new ArrayList<>();
    decoded.fields().fieldNames().forEachRemaining(name -> names.add(name.replaceAll("[^\\w\\[\\]-]", "?")));
    return names.size() <= 40 ? String.join(", ", names) : String.join(", ", names.subList(0, 40)) + ", ...";
  }

  /**
   * Every part in arrival order, read once through Jetty's parser. (Javalin's formParamMap() looks each name up
   * again among all parts, which takes seconds for 1,001 attendees.)
   */
  private List<ReceivedField> received(Context ctx) throws IOException, ServletException {
    ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(
        System.getProperty("java.io.tmpdir"), maxRequestBytes, maxRequestBytes, (int) MEMORY_PART_BYTES));
    List<ReceivedField> fields = new ArrayList<>();
    for (Part part : ctx.req().getParts()) {
      if (part.getSubmittedFileName() != null) {
        fields.add(new ReceivedField.File(part.getName(), part.getSubmittedFileName(), part.getContentType(), part.getSize()));
      } else {
        try (InputStream in = part.getInputStream()) {
          fields.add(new ReceivedField.Text(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    return fields;
  }

  private static Map<String, String> redactedHeaders(Context ctx) {
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name, name.equalsIgnoreCase(API_KEY) ? "[redacted]" : value));
    return headers;
  }

  /** 22 hex digits, like before; a mock's ids need not be unguessable, so no SecureRandom (a lock per request). */
  private static String id() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return (Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE))
        .substring(0, 22);
  }

  /** Settings of a {@link MockUnipileServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String expectedApiKey;
    private SpecValidator spec;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxParts = DEFAULT_MAX_PARTS;
    private int journalLimit = DEFAULT_JOURNAL_LIMIT;
    private boolean acceptNotDescribed;

    private Builder() {}

    /**
     * Whether to accept what the spec does not describe (default false: answered 400 like a broken rule, with
     * "is not described by the spec; the provider may ignore it"): a field no schema lists ({@code foo},
     * {@code linkedin[foo]}), a key of another LinkedIn shape ({@code follow_up} under the classic one), a value
     * fitting several {@code anyOf} branches ({@code days} with {@code weeks}). The same switch as the client's
     * {@code StartChatRequest.Builder.acceptNotDescribed} and {@code verify-pact --accept-not-described};
     * {@code mock-server --accept-not-described} on the command line.
     */
    public Builder acceptNotDescribed(boolean acceptNotDescribed) {
      this.acceptNotDescribed = acceptNotDescribed;
      return this;
    }

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

    /**
     * The largest body accepted, in bytes (default {@value MockUnipileServer#DEFAULT_MAX_REQUEST_BYTES}); larger
     * ones get {@code 400 errors/content_too_large}, from their Content-Length before anything is read.
     */
    public Builder maxRequestBytes(long maxRequestBytes) {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive, got " + maxRequestBytes);
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /** The most multipart parts per request (default {@value MockUnipileServer#DEFAULT_MAX_PARTS}). */
    public Builder maxParts(int maxParts) {
      if (maxParts < 1) {
        throw new IllegalArgumentException("maxParts must be positive, got " + maxParts);
      }
      this.maxParts = maxParts;
      return this;
    }

    /**
     * How many requests the journal keeps, oldest dropped first (default
     * {@value MockUnipileServer#DEFAULT_JOURNAL_LIMIT}); file contents are never kept, only names, types and sizes.
     */
    public Builder journalLimit(int journalLimit) {
      if (journalLimit < 0) {
        throw new IllegalArgumentException("journalLimit must not be negative, got " + journalLimit);
      }
      this.journalLimit = journalLimit;
      return this;
    }

    /** The server, not yet started ({@link MockUnipileServer#start()}). */
    public MockUnipileServer build() {
      return new MockUnipileServer(this);
    }
  }
}
