package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One operation of the document, read from it: method, path template, parameters, request bodies and documented
 * answers. Nothing here names an operation; every layer above asks its operation instead of a constant.
 *
 * <p>What a layer above computes from an operation (its form, compiled rules, response schemas) is kept with it
 * through {@link #derived}, so this model stays a leaf that knows nothing of those layers.
 */
public final class Operation {
  /** The methods an OpenAPI 3.0 path item may hold, in the spec's own order. */
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final String id;
  private final String method;
  private final PathTemplate path;
  private final String pointer;
  private final JsonNode node;
  private final List<Parameter> parameters;
  private final List<Body> bodies;
  /** The first of {@link #bodies}: read on every request, so kept rather than streamed for. */
  private final Optional<Body> body;
  private final Map<String, JsonNode> responses;
  private final Set<Integer> statuses;
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  /**
   * One media type the operation accepts as its request body.
   *
   * @param mediaType as the spec writes it ({@code multipart/form-data}, {@code application/json})
   * @param schema its schema, {@code $ref}s resolved at the top
   * @param required whether the body itself is required
   */
  public record Body(String mediaType, JsonNode schema, boolean required) {
    /** Whether this body is a {@code multipart/form-data} form. */
    public boolean isMultipart() {
      return mediaType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Whether this body is JSON ({@code application/json} or a {@code +json} type). */
    public boolean isJson() {
      String type = mediaType.toLowerCase(Locale.ROOT);
      return type.startsWith("application/json") || type.contains("+json");
    }
  }

  Operation(String id, String method, PathTemplate path, String pointer, JsonNode node, List<Parameter> parameters,
      List<Body> bodies, Map<String, JsonNode> responses) {
    this.id = id;
    this.method = method;
    this.path = path;
    this.pointer = pointer;
    this.node = node;
    this.parameters = List.copyOf(parameters);
    this.bodies = List.copyOf(bodies);
    this.body = this.bodies.stream().findFirst();
    this.responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    Set<Integer> numeric = new TreeSet<>();
    responses.keySet().forEach(key -> {
      if (key.matches("[1-5][0-9][0-9]")) {
        numeric.add(Integer.valueOf(key));
      }
    });
    this.statuses = Collections.unmodifiableSet(numeric);
  }

  /** The spec's {@code operationId} ({@code ChatsController_startNewChat}), or {@code METHOD path} without one. */
  public String id() {
    return id;
  }

  /**
   * The part of the id after its last {@code _} ({@code startNewChat}): the operation's own name, which users know
   * it by; it can repeat across families ({@code UsersController_listAllComments}, {@code PostsController_...}).
   */
  public String name() {
    int cut = id.lastIndexOf('_');
    return cut < 0 ? id : id.substring(cut + 1);
  }

  /**
   * The name in kebab case ({@code start-new-chat}): how messages, logs and the command line call the operation.
   */
  public String label() {
    return kebab(name());
  }

  /** {@code sendMessageInChat}, {@code chat_id}, {@code Chats} → {@code send-message-in-chat}, {@code chat-id}, {@code chats}. */
  public static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
          || Character.isDigit(name.charAt(i - 1)))) {
        out.append('-');
      }
      out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '-');
    }
    return out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
  }

  /** The part of the id before its last {@code _}, less {@code Controller} ({@code Chats}); empty without one. */
  public String family() {
    int cut = id.lastIndexOf('_');
    String family = cut < 0 ? "" : id.substring(0, cut);
    return family.endsWith("Controller") ? family.substring(0, family.length() - "Controller".length()) : family;
  }

  /** The HTTP method, upper case ({@code POST}). */
  public String method() {
    return method;
  }

  /** The path template. */
  public PathTemplate path() {
    return path;
  }

  /** The JSON pointer to this operation in the document ({@code /paths/~1api~1v1~1chats/post}). */
  public String pointer() {
    return pointer;
  }

  /** The operation's node as written (shared; do not modify). */
  public JsonNode node() {
    return node;
  }

  /** The spec's one-line summary, or empty. */
  public String summary() {
    return node.path("summary").asText("");
  }

  /** The spec's description, or empty. */
  public String description() {
    return node.path("description").asText("");
  }

  /** Every parameter, path-level ones first, as the spec orders them. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter {@code name} in {@code in}, if the operation has it. */
  public Optional<Parameter> parameter(String name, Parameter.In in) {
    return parameters.stream().filter(p -> p.in() == in && p.name().equals(name)).findFirst();
  }

  /** The request bodies it accepts, one per media type, in the spec's order; empty when it takes none. */
  public List<Body> bodies() {
    return bodies;
  }

  /** The body to send: the first media type the spec lists. */
  public Optional<Body> body() {
    return body;
  }

  /** The body for {@code contentType} (parameters such as {@code boundary} ignored), if the operation accepts it. */
  public Optional<Body> body(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return bodies.stream().filter(b -> b.mediaType().toLowerCase(Locale.ROOT).equals(type)).findFirst();
  }

  /** Each documented answer by its key as written ({@code 201}, {@code 4XX}, {@code default}), refs resolved. */
  public Map<String, JsonNode> responses() {
    return responses;
  }

  /** The numeric statuses documented, sorted. */
  public Set<Integer> statuses() {
    return statuses;
  }

  /** The documented success statuses (2xx), sorted. */
  public Set<Integer> successStatuses() {
    Set<Integer> success = new TreeSet<>();
    statuses.forEach(status -> {
      if (status / 100 == 2) {
        success.add(status);
      }
    });
    return Collections.unmodifiableSet(success);
  }

  /**
   * What a layer above computes from this operation, computed once and kept with it ({@code key} is the caller's
   * own, e.g. its class).
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<Operation, T> compute) {
    Object kept = derived.get(key); // the usual case, read on every request: no lambda, no lock
    return (T) (kept != null ? kept : derived.computeIfAbsent(key, k -> compute.apply(this)));
  }

  /** HTTP's idempotent methods (RFC 9110): sending one twice has the effect of once. */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return method + " " + path.template();
  }
}
