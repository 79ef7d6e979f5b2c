package io.github.unipilechat.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.FieldNames;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.form.ObjectParts;
import io.github.unipilechat.internal.form.SchemaPaths;
import io.github.unipilechat.internal.openapi.OpenApiLayer;
import io.github.unipilechat.internal.spec.Bound;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.Parameter;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.spec.TextValue;
import io.github.unipilechat.internal.validation.ParameterCheck;
import io.github.unipilechat.internal.validation.RequestCheck;
import io.github.unipilechat.multipart.FormPart;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;

/**
 * A request for one operation of the provider's document, by the operation's own names: its path, query and header
 * parameters ({@link Builder#parameter}) and its body's fields ({@link Builder#field(String, String)}), whatever the
 * operation. Immutable; {@link Builder#build()} checks it against the operation (required parameters and fields,
 * types, enums, bounds, anyOf shapes) and refuses what breaks it, so nothing invalid is sent.
 *
 * <p>A multipart body goes out as {@link #parts()} in the one canonical order (the spec's property order, objects
 * as bracket fields {@code name[a][b]}); a JSON body as {@link #json()}.
 */
public final class OperationRequest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** A form's media type; the transport adds the boundary of the body it writes. */
  private static final String MULTIPART = "multipart/form-data";
  /** The key of the JSON media type an operation's body goes out with, kept with the operation. */
  private static final Object JSON_TYPE = new Object();

  static {
    Bound.reader(request -> ((OperationRequest) request).bound());
  }

  private final Operation operation;
  private final Bound bound;
  private final Map<String, String> path;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final Map<String, List<String>> texts;
  private final Map<String, List<Attachment>> files;
  private final Map<String, ObjectNode> objects;
  private final Map<String, Map<String, List<Attachment>>> objectFiles;
  private final JsonNode json;
  private final List<FormPart> parts;
  private final boolean replayable;

  private OperationRequest(Builder builder, Map<String, ObjectNode> objects, JsonNode json, String sentType) {
    this.operation = builder.operation;
    this.bound = new Bound(builder.spec, builder.operation, sentType);
    this.path = frozen(builder.path);
    this.query = List.copyOf(builder.query);
    this.headers = frozen(builder.headers);
    this.texts = copy(builder.texts);
    this.files = copy(builder.files);
    this.objects = Map.copyOf(objects);
    this.objectFiles = Map.copyOf(builder.objectFiles);
    this.json = json;
    this.parts = multipart() ? List.copyOf(encode(builder.form())) : List.of();
    boolean everyFileReplayable = true;
    for (FormPart part : parts) {
      everyFileReplayable &= !(part instanceof FormPart.File file) || file.attachment().replayable();
    }
    this.replayable = everyFileReplayable;
  }

  /**
   * A request for the operation {@code operationId} of the document bundled with the client.
   *
   * @throws IllegalArgumentException when the document has no such operation
   */
  public static Builder builder(String operationId) {
    return builder(SpecModel.bundled(), operationId);
  }

  /** A request for the operation {@code operationId} of {@code spec} (a test's mutated copy). */
  static Builder builder(SpecModel spec, String operationId) {
    return new Builder(spec, spec.operation(operationId));
  }

  /** The operation's {@code operationId}. */
  public String operationId() {
    return operation.id();
  }

  private Bound bound() {
    return bound;
  }

  /** The path parameters, by name. */
  public Map<String, String> pathParameters() {
    return path;
  }

  /** The query parameters in the order given, a repeated name once per value. */
  public List<Map.Entry<String, String>> queryParameters() {
    return query;
  }

  /** The header parameters, by name. */
  public Map<String, String> headerParameters() {
    return headers;
  }

  /** The multipart parts in the canonical order; empty when the body is not a form. */
  public List<FormPart> parts() {
    return parts;
  }

  /** The JSON body (a copy), when the operation's body is JSON and one was given. */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(json).map(JsonNode::deepCopy);
  }

  /** The body's media type as the spec writes it, when the operation takes a body. */
  public Optional<String> mediaType() {
    return operation.body().map(Operation.Body::mediaType);
  }

  /** The text values of the body field {@code name} (one for a text field, each element for an array). */
  public List<String> values(String name) {
    return texts.getOrDefault(name, List.of());
  }

  /** The files of the body field {@code name}. */
  public List<Attachment> files(String name) {
    return files.getOrDefault(name, List.of());
  }

  /** The object field {@code name} as spec-shaped JSON without its files (a copy), if set. */
  public Optional<ObjectNode> object(String name) {
    return Optional.ofNullable(objects.get(name)).map(ObjectNode::deepCopy);
  }

  /** Whether every file can be written again, which a retry needs (a stream cannot). */
  public boolean replayable() {
    return replayable;
  }

  /** The path with its parameters filled in, percent-encoded ({@code /api/v1/chats/ch%2F1/messages}). */
  public String expandedPath() {
    return operation.path().expand(path);
  }

  private boolean multipart() {
    return operation.body().map(Operation.Body::isMultipart).orElse(false);
  }

  private List<FormPart> encode(FormSchema form) {
    List<FormPart> encoded = new ArrayList<>();
    for (FormField field : form.fields()) {
      String name = field.name();
      switch (field.kind()) {
        case TEXT, TEXT_ARRAY -> values(name).forEach(value -> encoded.add(new FormPart.Text(name, value)));
        case FILE, FILE_ARRAY -> files(name).forEach(file -> encoded.add(new FormPart.File(name, file)));
        case OBJECT -> {
          ObjectNode tree = objects.get(name);
          if (tree != null) {
            encoded.addAll(ObjectParts.encode(form, name, field.schema(), tree, objectFiles.getOrDefault(name, Map.of())));
          }
        }
      }
    }
    // Fields the spec does not describe (only with acceptNotDescribed), after the spec's, in the order given.
    texts.forEach((name, values) -> {
      if (form.field(name).isEmpty()) {
        values.forEach(value -> encoded.add(new FormPart.Text(name, value)));
      }
    });
    return encoded;
  }

  /** An unmodifiable copy in the order given (most requests leave most of their maps empty: those cost nothing). */
  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }

  /** Names only: values are messages and ids. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>(path.keySet());
    query.forEach(entry -> names.add(entry.getKey()));
    names.addAll(headers.keySet());
    names.addAll(texts.keySet());
    names.addAll(files.keySet());
    names.addAll(objects.keySet());
    if (json != null) {
      json.fieldNames().forEachRemaining(names::add);
    }
    return "OperationRequest{" + operation.id() + " " + String.join(", ", names) + "}";
  }

  /** Builds an {@link OperationRequest}; every name is the spec's. */
  public static final class Builder {
    private final SpecModel spec;
    private final Operation operation;
    private final Map<String, String> path = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> texts = new LinkedHashMap<>();
    private final Map<String, List<Attachment>> files = new LinkedHashMap<>();
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Attachment>>> objectFiles = new LinkedHashMap<>();
    // Object fields of a form built key by key from bracket names (field("linkedin[api]", ...)), apart from those
    // given whole: a field has one source, and such an object is read as a whole only at build().
    private final Map<String, ObjectNode> bracketed = new LinkedHashMap<>();
    private ObjectNode json;
    private boolean acceptNotDescribed;
    /** The operation's body fields, looked up once per builder: every field set and the build read them. */
    private FormSchema form;

    private Builder(SpecModel spec, Operation operation) {
      this.spec = Objects.requireNonNull(spec, "spec");
      this.operation = Objects.requireNonNull(operation, "operation");
    }

    /**
     * Whether {@link #build()} lets through what the spec does not describe (a field or parameter no schema lists, a
     * value fitting several anyOf branches at once). The rules the spec states are refused either way, and so are a
     * second value for a field or key, and in a form a name or key holding {@code [}, {@code ]} or a control
     * character.
     */
    public Builder acceptNotDescribed(boolean acceptNotDescribed) {
      this.acceptNotDescribed = acceptNotDescribed;
      return this;
    }

    /**
     * A path, query or header parameter by its spec name. A path or header parameter takes one value (a second
     * replaces the first); a query parameter whose schema is an array takes one value per call.
     *
     * @throws InvalidRequestException when the operation has no such parameter (naming the ones it has) unless
     *     {@link #acceptNotDescribed(boolean)} was switched on before (then it is sent as a query parameter), or a
     *     header value holds a control character
     */
    public Builder parameter(String name, String value) {
      Objects.requireNonNull(value, "value");
      Parameter parameter = operation.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
      if (parameter == null) {
        if (acceptNotDescribed && name != null && !name.isBlank() && name.chars().noneMatch(Character::isISOControl)) {
          query.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
          return this;
        }
        throw new InvalidRequestException(List.of(new Violation(name == null ? "parameter" : name,
            "is not a parameter of " + operation.id() + " in the spec; it has: " + String.join(", ",
                operation.parameters().stream().map(p -> p.name() + " (" + p.in().word() + ")").toList()),
            Violation.Kind.NOT_DESCRIBED)));
      }
      switch (parameter.in()) {
        case PATH -> path.put(name, value);
        case QUERY -> {
          if (!parameter.repeats()) {
            query.removeIf(entry -> entry.getKey().equals(name));
          }
          query.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        case HEADER, COOKIE -> {
          if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new InvalidRequestException(name, "must not contain control characters (it travels in a header)");
          }
          headers.put(name, value);
        }
      }
      return this;
    }

    /**
     * Sets a body field by its spec name. Multipart: a text field takes one value (an empty value means not set),
     * an array one element per call, an object field its JSON, or one key of it by a bracket name, as the provider
     * reads the form ({@code field("linkedin[api]", "recruiter")}; a number or boolean is read as the spec types
     * the key). JSON body: the value is read as the property's schema asks (text, the number or boolean it spells,
     * or JSON for objects and arrays).
     *
     * <p>In a form each field has one source and each single-valued field or key one value, whatever
     * {@link #acceptNotDescribed(boolean)} says: an object given whole and by bracket names, a name or key given
     * twice, a name holding a control character, and a bracket name that is not an object field and its keys are
     * refused.
     *
     * @throws InvalidRequestException when the body has no such field (naming the ones it has; unless
     *     {@link #acceptNotDescribed(boolean)}), the field is a file field, a single-valued field or key is given
     *     twice, an object is given whole and by bracket names, the name is malformed, or an object's JSON is
     *     malformed
     */
    public Builder field(String name, String value) {
      Objects.requireNonNull(value, "value");
      FormSchema form = form();
      if (name != null && !isJson()) {
        refuseControls(name);
        if (FieldNames.hasBracket(name)) {
          return bracketField(form, name, value);
        }
      }
      FormField field = form.field(name).orElse(null);
      if (field == null) {
        if (acceptNotDescribed && name != null && !name.isBlank()) {
          if (isJson()) {
            json().set(name, parse(name, value, false));
          } else {
            // The provider reads one value for a name it was not told is a list (the mock refuses a second one).
            if (texts.containsKey(name)) {
              throw new InvalidRequestException(name, "takes one value; it was given twice (the spec does not"
                  + " describe it, so not as a list either)");
            }
            texts.put(name, new ArrayList<>(List.of(value)));
          }
          return this;
        }
        throw notAField(name, form);
      }
      if (isJson()) {
        JsonNode node = switch (field.kind()) {
          case OBJECT, TEXT_ARRAY, FILE_ARRAY -> parse(name, value, true);
          default -> scalar(field.schema(), value);
        };
        json().set(name, node);
        return this;
      }
      switch (field.kind()) {
        case TEXT -> {
          if (texts.containsKey(name)) {
            throw new InvalidRequestException(name, "takes one value; it was given twice");
          }
          if (!value.isEmpty()) {
            texts.put(name, new ArrayList<>(List.of(value)));
          }
        }
        case TEXT_ARRAY -> texts.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        case FILE, FILE_ARRAY -> throw new InvalidRequestException(name,
            "is a file field: give it a file (field(name, Attachment), or --field " + name + "=@PATH)");
        case OBJECT -> {
          if (objects.containsKey(name) || bracketed.containsKey(name)) {
            throw new InvalidRequestException(name, "takes one value; it was given twice"
                + (bracketed.containsKey(name) ? " (whole, and key by key as " + name + "[...])" : ""));
          }
          JsonNode tree = parse(name, value, true);
          if (!(tree instanceof ObjectNode object)) {
            throw new InvalidRequestException(name, "must be a JSON object");
          }
          objects.put(name, object);
        }
      }
      return this;
    }

    /** {@code linkedin[follow_up][text]}: one key of an object field of the form, typed as the spec types it. */
    private Builder bracketField(FormSchema form, String name, String value) {
      List<String> path = FieldNames.path(name);
      if (path == null) {
        throw new InvalidRequestException(FieldNames.shown(name), "is not a field name: a bracket name is an object"
            + " field and its keys, each in brackets, as in linkedin[follow_up][text]");
      }
      if (path.size() > FieldNames.MAX_KEYS + 1) {
        throw new InvalidRequestException(FieldNames.shown(name), "has more than " + FieldNames.MAX_KEYS + " keys");
      }
      String root = path.get(0);
      FormField field = form.field(root).orElse(null);
      if (field == null || field.kind() != FormField.Kind.OBJECT) {
        throw new InvalidRequestException(FieldNames.shown(name), (field == null
            ? root + " is not a field of the spec's form" : root + " is not an object field")
            + ": bracket names reach only the keys of an object field ("
            + String.join(", ", form.fields().stream().filter(f -> f.kind() == FormField.Kind.OBJECT)
                .map(FormField::name).toList()) + ")");
      }
      if (objects.containsKey(root)) {
        throw new InvalidRequestException(root, "takes one value; it was given twice (whole, and key by key as "
            + FieldNames.shown(name) + ")");
      }
      if (value.isEmpty()) {
        return this; // not set, as for a text field
      }
      ObjectNode parent = bracketed.computeIfAbsent(root, k -> JsonNodeFactory.instance.objectNode());
      List<JsonNode> schemas = List.of(field.schema());
      for (int i = 1; i < path.size(); i++) {
        String key = path.get(i);
        schemas = SchemaPaths.child(form, schemas, key);
        JsonNode present = parent.get(key);
        boolean leaf = i == path.size() - 1;
        boolean array = leaf && SchemaPaths.isArray(form, schemas);
        if (present != null && !(leaf ? array && present.isArray() : present.isObject())) {
          // A second value, or a value where keys were given (or the reverse): the provider would keep one.
          throw new InvalidRequestException(String.join(".", path.subList(0, i + 1)),
              "takes one value; it was given twice");
        }
        if (!leaf) {
          parent = present == null ? parent.putObject(key) : (ObjectNode) present;
        } else if (array) {
          ArrayNode list = present == null ? parent.putArray(key) : (ArrayNode) present;
          list.add(scalar(SchemaPaths.type(form, SchemaPaths.items(form, schemas)), value));
        } else {
          parent.set(key, scalar(SchemaPaths.type(form, schemas), value));
        }
      }
      return this;
    }

    /** A name holding a control character is read back differently by every multipart parser: never sent. */
    private static void refuseControls(String name) {
      if (FieldNames.controlAt(name) >= 0) {
        throw new InvalidRequestException(FieldNames.shown(name), FieldNames.refusal(name));
      }
    }

    /**
     * Sets a single-valued text field, replacing what it held; null or empty clears it (a typed setter's meaning).
     *
     * @throws InvalidRequestException when the body has no such field
     */
    public Builder replace(String name, String value) {
      FormSchema form = form();
      form.field(name).orElseThrow(() -> notAField(name, form));
      texts.remove(name);
      if (json != null) {
        json.remove(name);
      }
      return value == null || value.isEmpty() ? this : field(name, value);
    }

    /**
     * Sets a file field by its spec name: a single-file field takes one file, a file-list field one file per call.
     *
     * @throws InvalidRequestException when the body has no such field, it is not a file field, or a single-file
     *     field is given twice
     */
    public Builder field(String name, Attachment file) {
      Objects.requireNonNull(file, "file");
      if (name != null && !isJson()) {
        refuseControls(name);
      }
      FormSchema form = form();
      FormField field = form.field(name).orElseThrow(() -> notAField(name, form));
      if (!field.kind().isFile() || isJson()) {
        throw new InvalidRequestException(name, "is a " + (field.kind() == FormField.Kind.OBJECT ? "object" : "text")
            + " field, not a file field: give it a value");
      }
      if (field.kind() == FormField.Kind.FILE && files.containsKey(name)) {
        throw new InvalidRequestException(name, "takes one file; it was given twice");
      }
      files.computeIfAbsent(name, k -> new ArrayList<>()).add(file);
      return this;
    }

    /**
     * Sets a single-file field, replacing what it held; null clears it.
     *
     * @throws InvalidRequestException when the body has no such file field
     */
    public Builder replace(String name, Attachment file) {
      files.remove(name);
      return file == null ? this : field(name, file);
    }

    /**
     * Sets an object field of a multipart form from its spec-shaped JSON and the files inside it, by dotted property
     * path ({@code follow_up.attachments}); null clears it.
     *
     * @throws InvalidRequestException when the form has no such object field
     */
    public Builder object(String name, ObjectNode value, Map<String, List<Attachment>> filesInside) {
      FormSchema form = form();
      FormField field = form.field(name).orElseThrow(() -> notAField(name, form));
      if (field.kind() != FormField.Kind.OBJECT || isJson()) {
        throw new InvalidRequestException(name, "is not an object field of a multipart form in the spec");
      }
      bracketed.remove(name); // a setter replaces the whole field, however it was given before
      if (value == null) {
        objects.remove(name);
        objectFiles.remove(name);
      } else {
        objects.put(name, value);
        objectFiles.put(name, Map.copyOf(filesInside == null ? Map.of() : filesInside));
      }
      return this;
    }

    /**
     * The whole JSON body (a copy is kept), e.g. a model generated from the spec turned into a tree; fields set
     * after it are added to it.
     *
     * @throws InvalidRequestException when the operation's body is not JSON, or {@code body} is not an object
     */
    public Builder body(JsonNode body) {
      if (!isJson()) {
        throw new InvalidRequestException("body", operation.id() + " takes " + operation.body()
            .map(Operation.Body::mediaType).orElse("no body") + ", not JSON");
      }
      if (!(body instanceof ObjectNode object)) {
        throw new InvalidRequestException("body", "must be a JSON object");
      }
      json = object.deepCopy();
      return this;
    }

    /**
     * Checks the request against the operation (parameters, then the body's schema) and builds it.
     *
     * @throws InvalidRequestException naming each field and rule broken
     */
    public OperationRequest build() {
      Map<String, ObjectNode> settled = settledObjects();
      Optional<Operation.Body> declared = operation.body();
      String sentType = sentType();
      // Fields given to an operation that takes no body are not sent; the layer is shown them, to refuse them.
      boolean bodyGiven = sentType != null
          || !texts.isEmpty() || !files.isEmpty() || !settled.isEmpty() || json != null;
      List<Violation> findings = new ArrayList<>(OpenApiLayer.of(spec).sending(operation, path, query, headers,
          sentType, bodyGiven));
      findings.addAll(ParameterCheck.of(operation).check(path, query, headers));
      JsonNode body = null;
      if (declared.isPresent()) {
        FormSchema form = form();
        RequestCheck check = RequestCheck.of(spec, operation);
        if (declared.get().isJson()) {
          body = json;
          if (body != null || declared.get().required()) {
            findings.addAll(check.check(json == null ? JsonNodeFactory.instance.objectNode() : json, Set.of()));
          }
        } else if (declared.get().isMultipart()) {
          findings.addAll(check.check(formTree(form, settled), filesGiven(form)));
        } else {
          findings.add(new Violation("body", operation.id() + " takes " + declared.get().mediaType()
              + ", which this client does not send yet"));
        }
      }
      List<Violation> refused = RequestCheck.refused(findings, acceptNotDescribed);
      if (!refused.isEmpty()) {
        throw new InvalidRequestException(refused);
      }
      return new OperationRequest(this, settled, body == null ? null : body.deepCopy(), sentType);
    }

    /**
     * The media type the body goes out with, decided here once: the checks are shown it and the transport sends it.
     * A form always has a body (its closing delimiter at least); a JSON body goes when one was given, with the media
     * type the operation declares, or {@code application/json} when HTTP cannot carry that one (OkHttp does not parse
     * it), which the OpenAPI layer then refuses by name; an operation without a body never sends one.
     *
     * @return null when no body is sent
     */
    private String sentType() {
      Operation.Body declared = operation.body().orElse(null);
      if (declared == null) {
        return null;
      }
      if (declared.isMultipart()) {
        return MULTIPART;
      }
      if (declared.isJson() && json != null) {
        return operation.derived(JSON_TYPE, op -> {
          String type = op.body().orElseThrow().mediaType();
          return MediaType.parse(type) != null ? type : "application/json";
        });
      }
      return null;
    }

    /**
     * Every object field of the form: those given whole as they are, those built from bracket names as their JSON
     * would be. The builder is left as it was, so more keys may still be added.
     */
    private Map<String, ObjectNode> settledObjects() {
      if (bracketed.isEmpty()) {
        return objects;
      }
      Map<String, ObjectNode> settled = new LinkedHashMap<>(objects);
      bracketed.forEach((name, tree) -> settled.put(name, tree.deepCopy()));
      return settled;
    }

    FormSchema form() {
      if (form == null) {
        form = operation.body().isPresent() ? FormSchema.of(spec, operation)
            : FormSchema.of(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());
      }
      return form;
    }

    private boolean isJson() {
      return operation.body().isPresent() && operation.body().get().isJson();
    }

    private ObjectNode json() {
      if (json == null) {
        json = JsonNodeFactory.instance.objectNode();
      }
      return json;
    }

    private ObjectNode formTree(FormSchema form, Map<String, ObjectNode> trees) {
      ObjectNode tree = JsonNodeFactory.instance.objectNode();
      for (FormField field : form.fields()) {
        String name = field.name();
        switch (field.kind()) {
          case TEXT -> {
            List<String> values = texts.get(name);
            if (values != null) {
              tree.set(name, scalar(field.schema(), values.get(0)));
            }
          }
          case TEXT_ARRAY -> {
            List<String> values = texts.get(name);
            if (values != null && !values.isEmpty()) {
              ArrayNode array = tree.putArray(name);
              values.forEach(value -> array.add(scalar(field.schema().path("items"), value)));
            }
          }
          case OBJECT -> {
            if (trees.containsKey(name)) {
              tree.set(name, trees.get(name));
            }
          }
          case FILE, FILE_ARRAY -> { }
        }
      }
      texts.forEach((name, values) -> {
        if (form.field(name).isEmpty()) {
          tree.put(name, values.get(0));
        }
      });
      return tree;
    }

    private Set<String> filesGiven(FormSchema form) {
      Set<String> given = new HashSet<>();
      for (FormField field : form.fields()) {
        if (field.kind().isFile() && !files.getOrDefault(field.name(), List.of()).isEmpty()) {
          given.add(field.name());
        }
      }
      return given;
    }

    private InvalidRequestException notAField(String name, FormSchema form) {
      return new InvalidRequestException(List.of(new Violation(name == null ? "field" : name,
          "is not described by the spec; the provider may ignore it (the spec's fields: "
              + String.join(", ", form.fields().stream().map(FormField::name).toList()) + ")",
          Violation.Kind.NOT_DESCRIBED)));
    }

    static JsonNode scalar(JsonNode schema, String value) {
      return TextValue.typed(schema, value);
    }

    /** As {@link #scalar(JsonNode, String)}, for a schema's {@code type}. */
    private static JsonNode scalar(String type, String value) {
      try {
        switch (type) {
          case "integer" -> {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value).toBigIntegerExact());
          }
          case "number" -> {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
          }
          case "boolean" -> {
            if (value.equals("true") || value.equals("false")) {
              return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
            }
          }
          default -> { }
        }
      } catch (NumberFormatException | ArithmeticException notANumber) {
        // Left as text: the validator names the type the spec wants.
      }
      return JsonNodeFactory.instance.textNode(value);
    }

    private static JsonNode parse(String name, String json, boolean strict) {
      try {
        return MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        if (!strict) {
          return JsonNodeFactory.instance.textNode(json);
        }
        throw new InvalidRequestException(name, "is not valid JSON (line " + e.getLocation().getLineNr()
            + ", column " + e.getLocation().getColumnNr() + ")");
      }
    }
  }
}
