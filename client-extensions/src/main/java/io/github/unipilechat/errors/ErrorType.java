package io.github.unipilechat.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.text.UntrustedText;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code type} of a provider error, such as {@code errors/no_connection_with_recipient}.
 *
 * <p>The known values are read at class load from the provider's OpenAPI document bundled with the client (every
 * {@code type} enum of every error response), so a type the provider documents is known after a rebuild, with the
 * statuses it is documented under. A type the document does not list is kept as-is ({@link #raw()}, with
 * {@link #isKnown()} false), never a parse failure; a missing type is {@link #UNKNOWN}.
 *
 * <p>The constants name the types this SDK's own logic or its documentation refer to; compare with
 * {@link #equals(Object)} or {@link #raw()}.
 */
public final class ErrorType {
  /** The longest type a message shows; the documented ones are a third of it. */
  static final int SHOWN_MAX = 120;

  private static final Map<String, Set<Integer>> DOCUMENTED = SpecModel.bundled().errorTypes();

  /** No {@code type} in the answer (a body that is not the provider's JSON, or no body); {@link #raw()} is "". */
  public static final ErrorType UNKNOWN = new ErrorType("");

  public static final ErrorType TOO_MANY_REQUESTS = of("errors/too_many_requests");
  public static final ErrorType SERVICE_UNAVAILABLE = of("errors/service_unavailable");
  public static final ErrorType NO_CLIENT_SESSION = of("errors/no_client_session");
  public static final ErrorType REQUEST_TIMEOUT = of("errors/request_timeout");
  public static final ErrorType UNEXPECTED_ERROR = of("errors/unexpected_error");
  public static final ErrorType PROVIDER_ERROR = of("errors/provider_error");
  public static final ErrorType INVALID_PARAMETERS = of("errors/invalid_parameters");
  public static final ErrorType TOO_MANY_CHARACTERS = of("errors/too_many_characters");
  public static final ErrorType INVALID_CREDENTIALS_BUT_VALID_ACCOUNT_IMAP =
      of("errors/invalid_credentials_but_valid_account_imap");
  public static final ErrorType DISCONNECTED_ACCOUNT = of("errors/disconnected_account");
  public static final ErrorType FEATURE_NOT_SUBSCRIBED = of("errors/feature_not_subscribed");
  public static final ErrorType RESOURCE_NOT_FOUND = of("errors/resource_not_found");
  public static final ErrorType UNSUPPORTED_MEDIA_TYPE = of("errors/unsupported_media_type");
  public static final ErrorType NO_CONNECTION_WITH_RECIPIENT = of("errors/no_connection_with_recipient");
  public static final ErrorType ACTION_ALREADY_PERFORMED = of("errors/action_already_performed");
  public static final ErrorType CANNOT_RESEND_YET = of("errors/cannot_resend_yet");
  public static final ErrorType NOT_ALLOWED_INMAIL = of("errors/not_allowed_inmail");
  public static final ErrorType INSUFFICIENT_CREDITS = of("errors/insufficient_credits");
  public static final ErrorType LIMIT_EXCEEDED = of("errors/limit_exceeded");
  public static final ErrorType FEATURE_NOT_IMPLEMENTED = of("errors/feature_not_implemented");

  private final String raw;

  private ErrorType(String raw) {
    this.raw = raw;
  }

  /** The type for {@code raw}; null or blank gives {@link #UNKNOWN}. Never fails. */
  public static ErrorType of(String raw) {
    if (raw == null || raw.isBlank()) {
      return UNKNOWN == null ? new ErrorType("") : UNKNOWN;
    }
    return new ErrorType(raw);
  }

  /** Every type the bundled spec documents, sorted. */
  public static Set<String> documented() {
    return Collections.unmodifiableSet(new TreeSet<>(DOCUMENTED.keySet()));
  }

  /** The string the provider sent ("" for {@link #UNKNOWN}). */
  public String raw() {
    return raw;
  }

  /** True when the bundled spec documents this type. */
  public boolean isKnown() {
    return DOCUMENTED.containsKey(raw);
  }

  /** The HTTP statuses the spec documents this type under; empty when unknown. */
  public Set<Integer> statuses() {
    return DOCUMENTED.getOrDefault(raw, Set.of());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ErrorType that && raw.equals(that.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** The type as a message shows it: one line, at most 120 characters ({@link #raw()} has it all). */
  @Override
  public String toString() {
    return raw.isEmpty() ? "(no type)" : UntrustedText.oneLine(raw, SHOWN_MAX);
  }

  /** Every {@code type} enum of every response schema of every operation, with the status it is listed under. */
  static Map<String, Set<Integer>> fromSpec(JsonNode document) {
    return SpecModel.errorTypesOf(document);
  }
}
