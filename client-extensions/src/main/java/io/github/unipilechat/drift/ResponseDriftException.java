package io.github.unipilechat.drift;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.internal.text.UntrustedText;
import java.util.List;
import java.util.Optional;

/**
 * The provider's answer differs from the spec and the response check is {@link ResponseCheck#FAIL}.
 *
 * <p>Thrown for a 201: the chat <em>was</em> started. {@link #chatStarted()} holds what the client read and
 * {@link #mayHaveBeenSent()} is true: never send the message again. It is not an outcome-unknown: the provider said
 * it started the chat.
 *
 * <p>For an error answer, the usual {@code UnipileApiException} is thrown with one of these attached as suppressed;
 * {@link #findingsOf(Throwable)} reads it.
 */
public final class ResponseDriftException extends UnipileException {
  private static final long serialVersionUID = 1L;

  private static final int LISTED = 3;
  private static final int ID_SHOWN_MAX = 100;

  private final transient List<DriftFinding> findings;
  private final transient ChatStarted chatStarted;
  private final transient OperationResponse response;
  private final transient Object result;

  /**
   * The differences found, and the chat the answer started ({@code null} for an error answer).
   *
   * @deprecated since 0.2: use {@link #ResponseDriftException(List, OperationResponse, Object)}. Kept because the
   *     API grows by additions only; it and {@link #chatStarted()} are this package's only reference to the public
   *     face above it, and go at the next major version.
   */
  @Deprecated
  public ResponseDriftException(List<DriftFinding> findings, ChatStarted chatStarted) {
    this(findings, null, chatStarted);
  }

  /**
   * The differences found in a success answer of any operation.
   *
   * @param response the success as read ({@code null} for an error answer)
   * @param result what the call made of it: a {@link ChatStarted} for start-chat, else the response or a model
   */
  public ResponseDriftException(List<DriftFinding> findings, OperationResponse response, Object result) {
    super(message(findings, response, result instanceof ChatStarted started ? started : null));
    this.findings = List.copyOf(findings);
    this.chatStarted = result instanceof ChatStarted started ? started : null;
    this.response = response;
    this.result = result;
  }

  /**
   * What the call made of the success answer, when it is a {@code type}: a {@code ChatStarted} for start-chat, the
   * typed result of a generated call, or the {@link OperationResponse} itself.
   */
  public <R> Optional<R> result(Class<R> type) {
    return type.isInstance(result) ? Optional.of(type.cast(result)) : Optional.empty();
  }

  /** The success answer the provider gave, when it was one: the operation was carried out. */
  public Optional<OperationResponse> response() {
    return Optional.ofNullable(response);
  }

  /** Every difference found in the answer (at most a bounded number per answer). */
  public List<DriftFinding> findings() {
    return findings;
  }

  /**
   * The chat the provider started, when the answer was a start-chat success.
   *
   * @deprecated since 0.2: use {@code result(ChatStarted.class)}, which reads the same for any operation's result
   */
  @Deprecated
  public Optional<ChatStarted> chatStarted() {
    return Optional.ofNullable(chatStarted);
  }

  /** True when the answer was a success: the message went out. */
  @Override
  public boolean mayHaveBeenSent() {
    return chatStarted != null || response != null;
  }

  /** The findings attached to {@code failure} (or {@code failure} itself), else an empty list. */
  public static List<DriftFinding> findingsOf(Throwable failure) {
    if (failure instanceof ResponseDriftException drift) {
      return drift.findings();
    }
    if (failure != null) {
      for (Throwable suppressed : failure.getSuppressed()) {
        if (suppressed instanceof ResponseDriftException drift) {
          return drift.findings();
        }
      }
    }
    return List.of();
  }

  /** An id as the server gave it, one line and bounded: it is an echo like any other. */
  private static String shown(Optional<String> id) {
    return id.map(text -> UntrustedText.oneLine(text, ID_SHOWN_MAX)).orElse("null");
  }

  private static String message(List<DriftFinding> findings, OperationResponse response, ChatStarted started) {
    StringBuilder m = new StringBuilder("Unipile ").append(response == null || started != null ? "start-chat"
        : response.operationId()).append(": ");
    if (started == null && response != null) {
      m.append("the operation WAS carried out (HTTP ").append(response.status())
          .append("; do not send it again), but the answer");
    } else if (started != null) {
      m.append("the chat WAS started (chat_id=").append(shown(started.chatId())).append(", message_id=")
          .append(shown(started.messageId())).append("; do not send it again), but the answer");
    } else {
      m.append("the answer");
    }
    m.append(" differs from the spec (response check: fail): ");
    for (int i = 0; i < Math.min(LISTED, findings.size()); i++) {
      m.append(i == 0 ? "" : "; ").append(findings.get(i));
    }
    if (findings.size() > LISTED) {
      m.append("; and ").append(findings.size() - LISTED).append(" more");
    }
    return m.toString();
  }
}
