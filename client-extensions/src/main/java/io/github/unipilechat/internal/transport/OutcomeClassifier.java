package io.github.unipilechat.internal.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.internal.DriftWatch;
import io.github.unipilechat.drift.internal.ResponseSpec;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.errors.OutcomeUnknown;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.internal.files.LocalSourceException;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.text.UntrustedText;
import io.github.unipilechat.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that says what an attempt's answer or failure means, for any operation. Only a success status the
 * operation documents, with the body it documents, is a success; any other answer after sending is outcome unknown;
 * an error status is the provider's error, retried when the policy says so (and, for an idempotent method, on the
 * usual transient statuses); a failure before anything left the machine is "not sent" and retryable.
 */
public final class OutcomeClassifier {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.unipilechat.UnipileChatClient");
  /** A body that is not JSON (a picture, an attachment) may be larger than an error or a JSON answer. */
  static final long BINARY_LIMIT = 64L * 1024 * 1024;
  private static final ObjectReader TREE = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readerFor(JsonNode.class)
      .without(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);

  private final String host;
  private final DriftWatch drift;
  private final UnaryOperator<String> scrub;

  /**
   * @param baseUrl the target, named in messages
   * @param drift the response check, told of every answer
   * @param scrub removes the API key from text the server or a library echoes
   */
  public OutcomeClassifier(HttpUrl baseUrl, DriftWatch drift, UnaryOperator<String> scrub) {
    this.host = baseUrl.host() + ":" + baseUrl.port();
    this.drift = drift;
    this.scrub = scrub;
  }

  /**
   * What an answer means. The response is closed here.
   *
   * @param request the request answered: its operation documents what the answer may be
   * @param response the answer
   * @param attempt the attempt's number, 1-based
   * @param policy the call's retry policy (which statuses it retries, its clock for {@code Retry-After})
   * @param check the call's response check, when it overrides the client's
   * @param result what the caller makes of a success (a {@code ChatStarted}, a generated model)
   * @return the result, or the exception to raise and whether it may be retried
   */
  public <T> Outcome<T> answer(Exchanged request, Response response, int attempt, RetryPolicy policy,
      Optional<ResponseCheck> check, Function<OperationResponse, T> result) {
    try (response) {
      Operation operation = request.operation();
      ResponseSpec answers = ResponseSpec.of(request.document(), operation);
      int status = response.code();
      if (status / 100 == 2) {
        return success(request, answers, response, attempt, check, result);
      }
      Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), policy.clock().instant());
      BoundedBody text = bodyText(response.body(), ApiError.BODY_LIMIT);
      ApiError error = ApiError.read(status, response.headers(), text.string(response.body()), text.cut(), retryAfter,
          scrub);
      UnipileApiException exception = UnipileApiException.of(error, attempt, operation.statuses().contains(status),
          operation.label());
      drift.error(answers, check, status, response.headers(), error.body(), exception);
      boolean transientFailure = operation.idempotent() && (status == 500 || status == 502 || status == 504);
      return Outcome.failure(exception, policy.retriesStatus(status) || transientFailure, retryAfter);
    }
  }

  private <T> Outcome<T> success(Exchanged request, ResponseSpec answers, Response response, int attempt,
      Optional<ResponseCheck> check, Function<OperationResponse, T> result) {
    Operation operation = request.operation();
    int status = response.code();
    MediaType type = response.body().contentType();
    // Without a Content-Type, the answer is read as the spec documents it (the response check reports the header).
    boolean json = type != null ? "json".equals(type.subtype()) || type.subtype().endsWith("+json")
        : answers.response(status).map(content -> content.keySet().stream()
            .anyMatch(media -> lower(media).contains("json"))).orElse(false);
    BoundedBody bytes = bodyText(response.body(), json ? ApiError.BODY_LIMIT : BINARY_LIMIT);
    JsonNode tree = null;
    String unreadable = null;
    if (bytes.cut()) {
      unreadable = "a body over " + (json ? ApiError.BODY_LIMIT : BINARY_LIMIT) + " bytes";
    } else if (json) {
      try {
        tree = TREE.readValue(bytes.bytes(type));
      } catch (IOException e) {
        unreadable = "a body that is not JSON (" + e.getClass().getSimpleName() + ")";
      }
    }
    LOG.debug("{} attempt {}: HTTP {}", operation.id(), attempt, status);
    List<String> missing = unreadable == null ? identity(answers, status, tree) : List.of();
    if (!operation.successStatuses().contains(status) || unreadable != null || !missing.isEmpty()) {
      // Not the documented success: the operation may or may not have been carried out. The check still reports
      // how the answer differs.
      String why = unreadable != null ? unreadable : !missing.isEmpty() ? "a body without " + String.join(", ", missing)
          : "a status it does not document";
      OutcomeUnknownException unknown = new OutcomeUnknownException("Unipile " + operation.label() + ": " + host
          + " answered HTTP " + status + " with " + why + ", not the documented success (HTTP "
          + operation.successStatuses().stream().map(String::valueOf).collect(Collectors.joining(" or ")) + "); "
          + OutcomeUnknown.HOW_TO_CHECK, null, attempt);
      drift.error(answers, check, status, response.headers(), tree == null ? null : tree.toString(), unknown);
      return Outcome.fatal(unknown);
    }
    // The ids and headers are the server's text: one that echoes the key gets it redacted before anyone sees it.
    Headers headers = scrubbed(response.headers());
    OperationResponse answer = new OperationResponse(operation.id(), status, headers, scrubbed(tree),
        json ? null : bytes.raw());
    T value = result.apply(answer);
    return drift.success(answers, check, status, headers, tree, answer, value)
        .<Outcome<T>>map(Outcome::fatal).orElseGet(() -> Outcome.success(value));
  }

  /**
   * What makes an answer the documented success and not merely a 2xx: every required property whose schema is an
   * {@code enum} (the {@code object: ChatStarted} an answer names itself by) carries one of its values.
   *
   * @return the pointers of what is missing or outside its enum; empty when the answer is the documented one
   */
  private static List<String> identity(ResponseSpec answers, int status, JsonNode body) {
    List<String> missing = new ArrayList<>();
    answers.response(status).ifPresent(content -> content.values().stream().findFirst().ifPresent(media -> {
      JsonNode schema = media.schema();
      JsonNode properties = schema.path("properties");
      for (JsonNode name : schema.path("required")) {
        JsonNode property = properties.path(name.asText());
        JsonNode values = property.path("enum");
        if (!values.isArray() || values.isEmpty()) {
          continue;
        }
        JsonNode given = body == null ? null : body.get(name.asText());
        boolean listed = false;
        for (JsonNode value : values) {
          listed |= value.equals(given);
        }
        if (!listed) {
          missing.add("a listed " + name.asText() + " (" + values.get(0).asText() + ")");
        }
      }
    }));
    return missing;
  }

  /**
   * What a failure without an answer means: not sent (retryable unless cancelled), or outcome unknown (retryable
   * for an idempotent method, which may be sent twice). An attachment whose own content failed before the body's
   * first byte left ({@link LocalSourceException}) is a refused request, never retried.
   *
   * @param request the attempt's request
   * @param call the attempt's call, whose request carries the {@link SendTracker}
   * @param e the failure
   * @param attempt the attempt's number, 1-based
   * @return the exception to raise and whether it may be retried
   */
  public <T> Outcome<T> failure(Exchanged request, Call call, IOException e, int attempt) {
    SendTracker tracker = SendTracker.of(call.request());
    boolean mayHaveBeenSent = tracker != null && tracker.mayHaveBeenSent();
    String name = request.operation().name();
    LocalSourceException local = LocalSourceException.in(e);
    if (local != null && (tracker == null || !tracker.bodyStarted())) {
      // An attachment failed before any byte of the body left: refused here, like any request that cannot be
      // sent as built. Sending again would fail the same way, so it is not retried.
      return Outcome.fatal(new InvalidRequestException(local.source(), local.problem() + "; nothing was sent"));
    }
    boolean cancelled = call.isCanceled();
    if (!mayHaveBeenSent) {
      String why = cancelled ? "cancelled or out of time" : "could not connect";
      return Outcome.failure(new RequestNotSentException("Unipile " + name + " failed before sending: " + why + " to "
          + host + " (" + describe(e) + "); nothing was sent" + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
          e, attempt), !cancelled, Optional.empty());
    }
    OutcomeUnknownException unknown = new OutcomeUnknownException("Unipile " + name + ": no answer from " + host
        + " after the request was sent (" + describe(e) + "); " + OutcomeUnknown.HOW_TO_CHECK, e, attempt);
    return request.operation().idempotent() && !cancelled
        ? Outcome.failure(unknown, true, Optional.empty()) : Outcome.fatal(unknown);
  }

  /**
   * A failure's class and message on one line, the API key scrubbed.
   *
   * @param e the failure
   * @return e.g. {@code SocketTimeoutException: timeout}
   */
  public String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + UntrustedText.oneLine(scrub.apply(e.getMessage()), 200);
    return e.getClass().getSimpleName() + message;
  }

  /** An unexpected failure of the call machinery itself, as the client's exception. */
  public UnipileException unexpected(Exchanged request, Throwable t) {
    return t instanceof UnipileException known ? known
        : new UnipileException("Unipile " + request.operation().name() + " failed: " + describe(t), t);
  }

  /** {@code tree} with the key redacted from every text value; the same tree when none holds it. */
  private JsonNode scrubbed(JsonNode tree) {
    if (tree == null) {
      return null;
    }
    JsonNode copy = null;
    java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
    todo.push(tree);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.isTextual() && !node.asText().equals(scrub.apply(node.asText()))) {
        copy = tree.deepCopy();
        break;
      }
      node.elements().forEachRemaining(todo::push);
    }
    if (copy == null) {
      return tree;
    }
    todo.push(copy);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        object.properties().forEach(entry -> {
          if (entry.getValue().isTextual()) {
            entry.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(scrub.apply(entry.getValue().asText())));
          } else {
            todo.push(entry.getValue());
          }
        });
      } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i).isTextual()) {
            array.set(i, com.fasterxml.jackson.databind.node.TextNode.valueOf(scrub.apply(array.get(i).asText())));
          } else {
            todo.push(array.get(i));
          }
        }
      }
    }
    return copy;
  }

  /** {@code headers} with the key redacted from every value; the same object when no value holds it. */
  private Headers scrubbed(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      if (!headers.value(i).equals(scrub.apply(headers.value(i)))) {
        Headers.Builder safe = new Headers.Builder();
        for (int j = 0; j < headers.size(); j++) {
          safe.addUnsafeNonAscii(headers.name(j), scrub.apply(headers.value(j)));
        }
        return safe.build();
      }
    }
    return headers;
  }


  /** What the classifier needs of the request an answer belongs to. */
  public interface Exchanged {
    /** The operation sent. */
    Operation operation();

    /** The document the operation is read from (its components, for the response schemas). */
    JsonNode document();
  }

  /** A body's first bytes up to a limit, and whether there was more. */
  private record BoundedBody(Buffer buffer, boolean cut) {
    byte[] raw() {
      return buffer.clone().readByteArray();
    }

    byte[] bytes(MediaType type) {
      Charset charset = type == null ? null : type.charset(null);
      if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
        return raw();
      }
      return buffer.clone().readString(charset).getBytes(StandardCharsets.UTF_8);
    }

    String string(ResponseBody body) {
      MediaType type = body.contentType();
      Charset charset = type == null ? null : type.charset(null);
      return buffer.clone().readString(charset == null ? StandardCharsets.UTF_8 : charset);
    }
  }

  /** Reads at most {@code limit} bytes (and one more, to tell a cut); the rest is never read. */
  private static BoundedBody bodyText(ResponseBody body, long limit) {
    Buffer kept = new Buffer();
    boolean cut;
    try {
      BufferedSource source = body.source();
      try {
        cut = source.request(limit + 1L);
      } catch (IOException e) {
        cut = false; // a body that broke off: keep what arrived
      }
      Buffer buffer = source.getBuffer();
      buffer.copyTo(kept, 0, Math.min(buffer.size(), limit));
    } catch (IllegalStateException closed) {
      cut = false;
    }
    return new BoundedBody(kept, cut);
  }

  /** Lower-case, for comparing media types. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
