package io.github.unipilechat.drift;

import java.util.Objects;

/**
 * One difference between an answer and the responses the spec documents for {@code POST /api/v1/chats}.
 *
 * <p>{@code expected} is read from the spec; {@code actual} says what came without echoing free text: for a value
 * only its JSON type, for an enum the value itself (one line, bounded, the API key redacted), for an undescribed
 * field its name. Message texts and the API key never appear.
 *
 * @param status the answer's HTTP status
 * @param pointer a JSON pointer into the body ({@code /chat_id}); {@code ""} for the whole body, the status or the
 *     content type
 */
public record DriftFinding(int status, Kind kind, String pointer, String expected, String actual) {
  /** What was checked. The set of checks is this client's own, not the spec's, so it is closed. */
  public enum Kind {
    /** The spec documents no answer with this status. */
    UNDOCUMENTED_STATUS("status not documented"),
    /** The status is documented, but not with this content type. */
    CONTENT_TYPE("content type"),
    /** The body is not the documented shape: not JSON, a wrong JSON type, a broken constraint. */
    BODY_SHAPE("body shape"),
    /** A field the schema requires is absent (a renamed field shows as this plus {@link #NOT_DESCRIBED}). */
    MISSING_FIELD("missing field"),
    /** A value outside the schema's {@code enum}, such as an error {@code type} the spec does not list. */
    ENUM_VALUE("enum value"),
    /**
     * A field the schema does not describe. The spec allows extra response fields (no {@code additionalProperties:
     * false}), but an answer carrying one is not what the spec says; like the contract kit, which refuses
     * undescribed request fields, it is reported and, at {@link ResponseCheck#FAIL}, fails the call.
     */
    NOT_DESCRIBED("not described");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  public DriftFinding {
    Objects.requireNonNull(kind, "kind");
    pointer = pointer == null ? "" : pointer;
    expected = expected == null ? "" : expected;
    actual = actual == null ? "" : actual;
  }

  /** One line: status, where, what kind, what the spec says, what came. */
  @Override
  public String toString() {
    return "HTTP " + status + (pointer.isEmpty() ? "" : " at " + pointer) + " (" + kind + "): spec says " + expected
        + "; got " + actual;
  }
}
