package io.github.unipilechat.errors;

/**
 * Implemented by the exceptions raised when the request reached the provider but the client cannot tell whether
 * the message went out: a timeout or a dropped connection after sending, HTTP 500 and HTTP 504. Such a failure is
 * never retried automatically, since the provider offers no idempotency key and a resend may message the
 * recipient twice.
 */
public interface OutcomeUnknown {
  /** What to do before resending; part of every such exception's message. */
  String HOW_TO_CHECK = "the message may have been sent: before resending, list the chat's messages"
      + " (GET /api/v1/chats/{chat_id}/messages, or the account's chats with this attendee) and resend only if it is missing";
}
