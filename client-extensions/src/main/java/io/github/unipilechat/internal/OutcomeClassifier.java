package io.github.unipilechat.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.internal.CreatedBody;
import io.github.unipilechat.drift.internal.DriftWatch;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.errors.OutcomeUnknown;
import io.github.unipilechat.errors.OutcomeUnknownException;
import io.github.unipilechat.errors.RequestNotSentException;
import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.retry.RetryPolicy;
import io.github.unipilechat.internal.validation.ProviderSpec;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The one place that says what an attempt's answer or failure means. Only a documented success status with a
 * {@code ChatStarted} body is a success; any other answer after sending is outcome unknown; an error status is
 * the provider's error, retried when {@link RetryPolicy#retriesStatus} says so; a failure before anything left the
 * machine is "not sent" and retryable.
 */
public final class OutcomeClassifier {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.unipilechat.UnipileChatClient");

  /** The success statuses the spec documents for this operation: any other 2xx is not a started chat. */
  private static final Set<Integer> DOCUMENTED_SUCCESS = documentedSuccess();

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
   * What an answer means.
   *
   * @param response the answer
   * @param attempt the attempt's number, 1-based
   * @param policy the call's retry policy (which statuses it retries, its clock for {@code Retry-After})
   * @param check the call's response check, when it overrides the client's
   * @return the chat, or the exception to raise and whether it may be retried
   */
  public Outcome<ChatStarted> answer(Response<ChatsControllerStartNewChat201Response> response, int attempt,
      RetryPolicy policy, Optional<ResponseCheck> check) {
    if (response.isSuccessful()) {
      return success(response, attempt, check);
    }
    int status = response.code();
    Optional<Duration> retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), policy.clock().instant());
    BoundedBody text = bodyText(response.errorBody());
    ApiError error = ApiError.read(status, response.headers(), text.text(), text.cut(), retryAfter, scrub);
    UnipileApiException exception = UnipileApiException.of(error, attempt);
    drift.error(check, status, response.headers(), error.body(), exception);
    return Outcome.failure(exception, policy.retriesStatus(status), retryAfter);
  }

  private Outcome<ChatStarted> success(Response<ChatsControllerStartNewChat201Response> response, int attempt,
      Optional<ResponseCheck> check) {
    ChatsControllerStartNewChat201Response body = response.body();
    // The ids and headers are the server's text: one that echoes the key gets it redacted before anyone sees it.
    String chatId = body == null ? null : scrub.apply(body.getChatId());
    if (LOG.isDebugEnabled()) {
      LOG.debug("start-chat attempt {}: HTTP {} chat_id={}", attempt, response.code(),
          chatId == null ? null : UntrustedText.oneLine(chatId, 100));
    }
    if (!DOCUMENTED_SUCCESS.contains(response.code()) || body == null || body.getObject() == null) {
      // Not a ChatStarted: the message may or may not have gone out. The check still reports how it differs.
      OutcomeUnknownException unknown = new OutcomeUnknownException("Unipile start-chat: " + host
          + " answered HTTP " + response.code() + (body == null ? " without a body" : "")
          + ", not the documented success (HTTP " + join(DOCUMENTED_SUCCESS) + " with a "
          + join(Arrays.asList(ChatsControllerStartNewChat201Response.ObjectEnum.values())) + " body); "
          + OutcomeUnknown.HOW_TO_CHECK, null, attempt);
      JsonNode json = CreatedBody.jsonOf(body);
      drift.error(check, response.code(), response.headers(), json == null ? null : json.toString(), unknown);
      return Outcome.fatal(unknown);
    }
    ChatStarted started = new ChatStarted(chatId, scrub.apply(body.getMessageId()), response.code(),
        scrubbed(response.headers()));
    return drift.success(check, response.code(), response.headers(), CreatedBody.jsonOf(body), started)
        .<Outcome<ChatStarted>>map(Outcome::fatal).orElseGet(() -> Outcome.success(started));
  }

  /**
   * What a failure without an answer means: not sent (retryable unless cancelled) or outcome unknown.
   *
   * @param call the attempt's call, whose request carries the {@link SendTracker}
   * @param e the failure
   * @param attempt the attempt's number, 1-based
   * @return the exception to raise and whether it may be retried
   */
  public Outcome<ChatStarted> failure(Call<?> call, IOException e, int attempt) {
    SendTracker tracker;
    try {
      tracker = SendTracker.of(call.request());
    } catch (RuntimeException notCreated) {
      tracker = null;
    }
    boolean mayHaveBeenSent = tracker != null && tracker.mayHaveBeenSent();
    if (e instanceof JacksonException) {
      return Outcome.fatal(new OutcomeUnknownException("Unipile start-chat: " + host
          + " answered with a success status but a body that could not be read (" + describe(e) + "); "
          + OutcomeUnknown.HOW_TO_CHECK, e, attempt));
    }
    if (!mayHaveBeenSent) {
      boolean cancelled = call.isCanceled();
      String why = cancelled ? "cancelled or out of time" : "could not connect";
      return Outcome.failure(new RequestNotSentException("Unipile start-chat failed before sending: " + why + " to "
          + host + " (" + describe(e) + "); nothing was sent" + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
          e, attempt), !cancelled, Optional.empty());
    }
    return Outcome.fatal(new OutcomeUnknownException("Unipile start-chat: no answer from " + host
        + " after the request was sent (" + describe(e) + "); " + OutcomeUnknown.HOW_TO_CHECK, e, attempt));
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

  /** An error body's first {@link ApiError#BODY_LIMIT} bytes, and whether there was more. */
  private record BoundedBody(String text, boolean cut) {}

  /** Reads at most {@link ApiError#BODY_LIMIT} bytes (and one more, to tell a cut); the rest is never read. */
  private static BoundedBody bodyText(ResponseBody body) {
    if (body == null) {
      return new BoundedBody("", false);
    }
    try (body) {
      BufferedSource source = body.source();
      boolean cut;
      try {
        cut = source.request(ApiError.BODY_LIMIT + 1L);
      } catch (IOException e) {
        cut = false; // a body that broke off: keep what arrived
      }
      Buffer buffer = source.getBuffer();
      long keep = Math.min(buffer.size(), ApiError.BODY_LIMIT);
      MediaType type = body.contentType();
      Charset charset = type == null ? null : type.charset();
      return new BoundedBody(buffer.readString(keep, charset == null ? StandardCharsets.UTF_8 : charset), cut);
    } catch (IOException e) {
      return new BoundedBody("", false); // cannot happen: the bytes are already buffered
    }
  }

  private static String join(Collection<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(" or "));
  }

  private static Set<Integer> documentedSuccess() {
    Set<Integer> statuses = new TreeSet<>();
    ProviderSpec.document().at("/paths/~1api~1v1~1chats/post/responses").fieldNames().forEachRemaining(code -> {
      if (code.length() == 3 && code.startsWith("2") && code.chars().allMatch(Character::isDigit)) {
        statuses.add(Integer.valueOf(code));
      }
    });
    return Collections.unmodifiableSet(statuses);
  }
}
