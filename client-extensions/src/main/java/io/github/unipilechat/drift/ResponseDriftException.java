package io.github.unipilechat.drift;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.internal.UntrustedText;
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

  /** The differences found, and the chat the answer started ({@code null} for an error answer). */
  public ResponseDriftException(List<DriftFinding> findings, ChatStarted chatStarted) {
    super(message(findings, chatStarted));
    this.findings = List.copyOf(findings);
    this.chatStarted = chatStarted;
  }

  /** Every difference found in the answer (at most a bounded number per answer). */
  public List<DriftFinding> findings() {
    return findings;
  }

  /** The chat the provider started, when the answer was a success. */
  public Optional<ChatStarted> chatStarted() {
    return Optional.ofNullable(chatStarted);
  }

  /** True when the answer was a success: the message went out. */
  @Override
  public boolean mayHaveBeenSent() {
    return chatStarted != null;
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

  private static String message(List<DriftFinding> findings, ChatStarted started) {
    StringBuilder m = new StringBuilder("Unipile start-chat: ");
    if (started != null) {
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
