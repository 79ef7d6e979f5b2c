package io.github.unipilechat.contract.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.contract.internal.Printable;
import io.github.unipilechat.contract.multipart.DecodedRequest;
import io.github.unipilechat.contract.multipart.ReceivedField;
import io.github.unipilechat.contract.spec.ReceivedRequest;
import io.github.unipilechat.contract.spec.Route;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.ValidationResult;
import io.github.unipilechat.contract.spec.Violation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unipile stand-in for every operation of the document it is given (the bundled one by default): each request is
 * matched to its operation by method and path template, its credentials, parameters and content type are checked
 * (swagger-request-validator), its body is decoded by its media type (bracket-style multipart like the provider, or
 * JSON) and checked with the client's own rules, and it gets the operation's documented answer: a minimal valid
 * instance of the success schema, with fresh ids. A path the document lacks is a spec-shaped JSON 404, a method its
 * path lacks a 405 with {@code Allow}. For trying the client without an account, and for testing code that calls
 * the API.
 *
 * <pre>{@code
 * try (MockUnipileServer mock = MockUnipileServer.builder().build().start()) {
 *   client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("any").build();
 *   ...
 *   assertThat(mock.journal().last().text("account_id")).isEqualTo("acc_1");
 * }
 * }</pre>
 *
 * <p>{@code Prefer: code=422} (optionally {@code , type=errors/…}) asks for any status the operation documents: an
 * error with a documented type, or the documented body of that status; {@code Prefer: delay=2000} answers late (at
 * most 60 s, and only to requests with a key).
 *
 * <p>Hostile input gets a spec-shaped JSON answer too: a body that is not readable as its media type is
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
  private static final String NOT_FOUND = ErrorBody.NOT_FOUND;

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
  /** Each operation's documented answers, built on first use ({@code operationId status}). */
  private final Map<String, ExampleAnswer> examples = new ConcurrentHashMap<>();
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
      // One handler for every method and path: the document, not the router, decides what exists.
      for (HandlerType type : HandlerType.commonHttp()) {
        config.routes.addHttpHandler(type, "/*", this::serve);
      }
      // Jetty's own "no such route" (a method Javalin does not route at all): the document decides, as for the rest.
      config.routes.error(404, this::noRoute);
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("{} {} failed inside the mock", Printable.of(cut(ctx.req().getMethod())), Printable.of(cut(ctx.path())), e);
        answerError(ctx, null, 500, "errors/unexpected_error", "The mock failed on this request: "
            + e.getClass().getSimpleName() + ".", List.of(), null);
      });
    });
    app.start(host, requestedPort);
    // The OpenAPI layer is built while the first client connects, not when its request arrives.
    Thread warm = new Thread(() -> {
      try {
        spec().route("GET", "/");
      } catch (RuntimeException e) {
        LOG.debug("the spec could not be read ahead; the first request says why", e);
      }
    }, "mock-spec-warmup");
    warm.setDaemon(true);
    warm.start();
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

  /**
   * Every request: the document decides where it leads (swagger-request-validator's matching), then the key, the
   * {@code Prefer} header, the body by its media type, the checks, and the operation's documented answer.
   */
  private void serve(Context ctx) throws InterruptedException {
    SpecValidator spec = spec();
    String method = ctx.req().getMethod();
    Route route = spec.route(method, ctx.req().getRequestURI());
    if (!(route instanceof Route.Found found)) {
      noOperation(ctx, route);
      return;
    }
    // The key first: a request without one must not get to hold a thread with Prefer: delay.
    String key = ctx.header(API_KEY);
    if (key == null || key.isBlank()) {
      answerError(ctx, found, 401, "errors/missing_credentials", "The X-API-KEY header is required.", List.of(), null);
      return;
    }
    if (expectedApiKey != null && !expectedApiKey.equals(key)) {
      answerError(ctx, found, 401, "errors/invalid_credentials", "The X-API-KEY is not the one this mock expects.", List.of(), null);
      return;
    }
    Prefer prefer;
    try {
      String header = ctx.header("Prefer");
      prefer = Prefer.parse(header != null ? header : defaultPrefer);
    } catch (IllegalArgumentException e) {
      answerError(ctx, found, 400, "errors/invalid_parameters", Printable.of(e.getMessage()), List.of(), null);
      return;
    }
    if (!prefer.delay().isZero()) {
      Thread.sleep(prefer.delay().toMillis());
    }
    ReceivedRequest request = ReceivedRequest.of(method, ctx.req().getRequestURI()
        + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), headers(ctx));
    DecodedRequest decoded;
    try {
      decoded = body(ctx, spec, found);
    } catch (Refused refused) {
      return; // answered
    }
    ValidationResult result = spec.validateRequest(found, request, decoded).accepting(acceptNotDescribed);
    if (!result.valid()) {
      boolean missing = result.violations().stream().anyMatch(v -> v.rule().startsWith("is required"));
      answerError(ctx, found, 400, missing ? "errors/missing_parameters" : "errors/invalid_parameters",
          Printable.of(result.summary()), result.violations(), decoded);
      return;
    }
    if (prefer.status().isPresent()) {
      preferred(ctx, found, prefer, decoded);
      return;
    }
    int status = successStatus(spec, found.operationId());
    answer(ctx, found, status, example(spec, found.operationId(), status), decoded, List.of());
  }

  /** Thrown once the request has been answered while its body was read. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(null, null, false, false);
    }
  }

  /**
   * The body in the request's JSON shape, decoded by the media type the operation declares for it (a multipart form
   * by this kit's bracket decoder, JSON as sent); null when the operation takes none or the request sent none.
   *
   * @throws Refused when the body could not be read (answered here: 400 malformed or too large)
   */
  private DecodedRequest body(Context ctx, SpecValidator spec, Route.Found found) throws Refused {
    List<String> types = spec.requestMediaTypes(found.operationId());
    long length = contentLength(ctx);
    boolean sent = length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
    if (types.isEmpty()) {
      return null; // a body here is the check's finding ("is not expected"); it is not read
    }
    String contentType = ctx.contentType();
    String essence = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!types.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList().contains(essence)) {
      if (!sent && contentType == null) {
        return null; // no body at all: the check says whether one is required
      }
      answerError(ctx, found, 400, MALFORMED, "The body must be " + String.join(" or ", types) + ", got "
          + Printable.of(Objects.requireNonNullElse(contentType, "no content type")) + ".", List.of(), null);
      throw new Refused();
    }
    if (length > maxRequestBytes) {
      answerError(ctx, found, 400, TOO_LARGE, tooLarge(length + " bytes"), List.of(), null);
      throw new Refused();
    }
    if (essence.startsWith("multipart/")) {
      if (!contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
        answerError(ctx, found, 400, MALFORMED, "The multipart/form-data Content-Type has no boundary.", List.of(), null);
        throw new Refused();
      }
      try {
        return spec.decoder(found.operationId()).decode(received(ctx));
      } catch (Exception e) { // Jetty's parser throws ServletException through Javalin's Kotlin
        refuseUnreadable(ctx, found, e);
        throw new Refused();
      }
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxRequestBytes + 1));
    } catch (IOException e) {
      refuseUnreadable(ctx, found, e);
      throw new Refused();
    }
    if (bytes.length > maxRequestBytes) {
      answerError(ctx, found, 400, TOO_LARGE, tooLarge("more"), List.of(), null);
      throw new Refused();
    }
    if (bytes.length == 0) {
      return null;
    }
    if (essence.equals("application/json") || essence.endsWith("+json")) {
      return SpecValidator.decodeJson(bytes);
    }
    return new DecodedRequest(JSON.objectNode(), List.of(), List.of()); // a type this kit has no decoder for
  }

  /**
   * Javalin routed nothing (a method it does not route): answered like any request the document has no operation
   * for, unless the route already answered (its own 404, {@code Prefer: code=404}).
   */
  private void noRoute(Context ctx) {
    if (ctx.attribute(ANSWERED) != null) {
      return;
    }
    Route route = spec().route(ctx.req().getMethod(), ctx.req().getRequestURI());
    if (route instanceof Route.Found) {
      route = new Route.MethodNotAllowed(List.of()); // found by the document, yet not routable by this server
    }
    noOperation(ctx, route);
  }

  /**
   * The document has no operation for the request: "no such path" (404) or "no such method for this path" (405, with
   * {@code Allow}), as swagger-request-validator's matching says. The request's own path and method are not copied
   * into the answer.
   */
  private void noOperation(Context ctx, Route route) {
    if (route instanceof Route.MethodNotAllowed notAllowed) {
      String allowed = String.join(", ", notAllowed.allowed());
      ctx.header("Allow", allowed);
      answerNoRoute(ctx, 405, MALFORMED, "The spec has " + allowed + " on this path, not the request's method.");
    } else {
      answerNoRoute(ctx, 404, NOT_FOUND, "No path of the spec matches the request's path.");
    }
  }

  /** Outside any operation: no instance, no journal entry (the journal keeps the requests to operations). */
  private void answerNoRoute(Context ctx, int status, String wanted, String detail) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status).contentType("application/json").result(ErrorBody.of(spec(), status, wanted, detail, null).toString());
    LOG.info("{} {} -> {}", Printable.of(cut(ctx.req().getMethod())), Printable.of(cut(ctx.path())), status);
  }

  /**
   * Jetty's multipart parser gave up: the body came too slowly, is over a limit (no Content-Length to refuse it
   * earlier) or is not multipart.
   */
  private void refuseUnreadable(Context ctx, Route.Found found, Exception e) {
    String reason = "";
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      reason = t.getMessage() == null ? reason : t.getMessage();
      if (t instanceof TimeoutException) { // SlowBodyGuard's pace or total time, or Jetty's idle timeout
        answerError(ctx, found, 400, MALFORMED, "The body came too slowly: " + Printable.of(reason) + ".", List.of(), null);
        return;
      }
      if (reason.toLowerCase(Locale.ROOT).matches(".*(exceed|too large|too many|max ).*")) {
        answerError(ctx, found, 400, TOO_LARGE, tooLarge("more") + " (" + Printable.of(reason) + ")", List.of(), null);
        return;
      }
    }
    answerError(ctx, found, 400, MALFORMED, "The body is not readable "
        + String.join(" or ", spec().requestMediaTypes(found.operationId()))
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

  /** {@code Prefer: code=N[, type=T]}: any status the operation documents, an error with its type, else its body. */
  private void preferred(Context ctx, Route.Found found, Prefer prefer, DecodedRequest decoded) {
    SpecValidator spec = spec();
    int status = prefer.code();
    List<String> documented = spec.documentedStatuses(found.operationId());
    if (!documented.contains(Integer.toString(status))) {
      answerError(ctx, found, 400, "errors/invalid_parameters", "Prefer code=" + status + " is not a documented status of "
          + found + " (documented: " + documented + ").", List.of(), decoded);
      return;
    }
    List<String> types = spec.errorTypes(found.operationId()).get(status);
    if (types == null) {
      if (prefer.type() != null) {
        answerError(ctx, found, 400, "errors/invalid_parameters", "Prefer type=" + Printable.of(prefer.type())
            + " is not a documented type of status " + status + " (documented: none).", List.of(), decoded);
        return;
      }
      answer(ctx, found, status, example(spec, found.operationId(), status), decoded, List.of());
      return;
    }
    String type = prefer.type() == null ? types.get(0) : prefer.type();
    if (!types.contains(type)) {
      answerError(ctx, found, 400, "errors/invalid_parameters", "Prefer type=" + Printable.of(type)
          + " is not a documented type of status " + status + " (documented: " + types + ").", List.of(), decoded);
      return;
    }
    answerError(ctx, found, status, type, "Answer requested with Prefer: code=" + status + ".", List.of(), decoded);
  }

  /** The first success status the operation documents (201 for start-chat); 200 when it documents only a range. */
  private static int successStatus(SpecValidator spec, String operationId) {
    for (String key : spec.documentedStatuses(operationId)) {
      if (key.matches("2[0-9][0-9]")) {
        return Integer.parseInt(key);
      }
    }
    return 200;
  }

  /** A minimal valid body of the answer the operation documents for {@code status}, or null when it has none. */
  private JsonNode example(SpecValidator spec, String operationId, int status) {
    String key = operationId + " " + status;
    ExampleAnswer answer = examples.get(key);
    if (answer == null) {
      answer = spec.responseSchema(operationId, status).map(schema -> ExampleAnswer.of(spec.document(), schema))
          .orElse(null);
      if (answer == null) {
        return null;
      }
      examples.putIfAbsent(key, answer);
    }
    return answer.next();
  }

  /**
   * An error answer; {@code wanted} is the type meant, replaced by one the spec documents for the status when it
   * lists others only (see {@link ErrorBody#type(SpecValidator, String, int, String)}), so every error the mock sends stays spec-valid after the provider
   * renames one.
   */
  private void answerError(Context ctx, Route.Found found, int status, String wanted, String detail,
      List<Violation> violations, DecodedRequest decoded) {
    ObjectNode body = ErrorBody.of(spec(), found == null ? null : found.operationId(), status, wanted, detail,
        found == null ? null : found.pathTemplate());
    if (status == 429 || status == 503) {
      ctx.header("Retry-After", "1");
    }
    answer(ctx, found, status, body, decoded, violations);
  }

  private void answer(Context ctx, Route.Found found, int status, JsonNode body, DecodedRequest decoded,
      List<Violation> violations) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status);
    if (body != null) {
      ctx.contentType("application/json").result(body.toString());
    }
    journal.add(new JournalEntry(found == null ? "" : found.operationId(),
        found == null ? Map.of() : found.pathParameters(), queryParameters(ctx),
        decoded == null ? JSON.objectNode() : decoded.fields(),
        decoded == null ? List.of() : decoded.files(),
        redactedHeaders(ctx), status, violations));
    String operation = found == null ? Printable.of(cut(ctx.req().getMethod())) + " " + Printable.of(cut(ctx.path()))
        : found.toString();
    if (violations.isEmpty()) {
      LOG.info("{} -> {} fields: {}", operation, status, decoded == null ? "-" : fieldNames(decoded));
    } else {
      LOG.info("{} -> {} invalid: {}", operation, status,
          Printable.of(violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "))));
    }
  }

  /** At most 200 characters of a request's text, for the log. */
  private static String cut(String text) {
    return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static Map<String, List<String>> queryParameters(Context ctx) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (ctx.queryString() != null) {
      ReceivedRequest.query(ctx.queryString())
          .forEach(entry -> query.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    }
    return query;
  }

  /** Every header with every value, as sent (names as the client wrote them). */
  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : java.util.Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, java.util.Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
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
