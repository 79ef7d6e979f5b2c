package io.github.unipilechat.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A documented success answer of an operation: its status, headers and body (as JSON when the answer is JSON, else
 * its bytes). Only an answer the spec documents as a success reaches the caller as one of these; anything else is an
 * exception (see {@code io.github.unipilechat.errors}).
 */
public final class OperationResponse {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String operationId;
  private final int status;
  private final Headers headers;
  private final JsonNode json;
  private final byte[] bytes;

  /**
   * An answer as the client read it.
   *
   * @param operationId the operation it answers
   * @param status the HTTP status, a documented success
   * @param headers as received
   * @param json the body as JSON, or null when it is not JSON
   * @param bytes the body's bytes (copied), empty when there was none
   */
  public OperationResponse(String operationId, int status, Headers headers, JsonNode json, byte[] bytes) {
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.json = json;
    this.bytes = bytes == null ? new byte[0] : bytes.clone();
  }

  /** The operation answered. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP status, a success the spec documents for the operation. */
  public int status() {
    return status;
  }

  /** The headers, as received. */
  public Headers headers() {
    return headers;
  }

  /** The body as JSON (shared; do not modify), when it was JSON. */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(json);
  }

  /** The body's bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The JSON body as {@code type}, e.g. the model generated from the spec for this answer; fields the model does not
   * know are skipped.
   *
   * @throws IllegalStateException when the body is not JSON or does not fit the type
   */
  public <T> T as(Class<T> type) {
    if (json == null) {
      throw new IllegalStateException(operationId + ": the answer (HTTP " + status + ") has no JSON body");
    }
    try {
      return MAPPER.treeToValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(operationId + ": the answer does not read as " + type.getSimpleName()
          + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Status and operation only: bodies hold messages and ids. */
  @Override
  public String toString() {
    return "OperationResponse{" + operationId + ", status=" + status + "}";
  }
}
