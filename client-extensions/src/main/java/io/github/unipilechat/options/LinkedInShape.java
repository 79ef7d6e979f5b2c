package io.github.unipilechat.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.generated.model.SalesNavigatorOptions;
import io.github.unipilechat.internal.form.Branches;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.startchat.RequestRules;
import io.github.unipilechat.internal.startchat.StartChat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@code linkedin} shape with no typed class here: one the provider added upstream, built from JSON or from its
 * generated model. Validated and sent exactly like the typed shapes.
 */
public final class LinkedInShape extends ShapeFields implements LinkedInOptions {
  static final String LINKEDIN = "linkedin";
  private static final Map<Class<?>, Optional<JsonNode>> BRANCH_OF_MODEL = new ConcurrentHashMap<>();

  private final String title;
  private final Map<String, List<Attachment>> files;

  private LinkedInShape(ObjectNode fields, String title, Map<String, List<Attachment>> files) {
    super(fields);
    this.title = title;
    this.files = Map.copyOf(files);
  }

  /** The spec's title of the shape, e.g. "Partner options". */
  public String title() {
    return title;
  }

  /** These options read into a generated model class (for example one generated after the shape was added). */
  public <T> T toModel(Class<T> modelClass) {
    return model(modelClass);
  }

  @Override
  public Map<String, List<Attachment>> files() {
    return files;
  }

  @Override
  public String toString() {
    return super.toString() + (files.isEmpty() ? "" : " + " + files);
  }

  static JsonNode schema() {
    return StartChat.form().require(LINKEDIN).schema();
  }

  static LinkedInOptions fromTree(ObjectNode tree, List<Attachment> extraFiles) {
    // What the spec does not describe has no place in a typed model: such options stay JSON, and the request's
    // acceptNotDescribed switch decides at build() whether they are sent.
    boolean typed = RequestRules.checkLinkedIn(tree);
    JsonNode branch = Branches.choose(schema(), tree);
    if (branch == null) {
      throw new InvalidRequestException(LINKEDIN, "matches none of " + titles());
    }
    if (typed && branch == branchOf(RecruiterOptions.class).orElse(null)) {
      return RecruiterLinkedIn.of(ModelTrees.fromTree(tree, RecruiterOptions.class), extraFiles);
    }
    Map<String, List<Attachment>> files = new LinkedHashMap<>();
    if (!extraFiles.isEmpty()) {
      List<String> paths = filePaths(branch, "");
      if (paths.size() != 1) {
        throw new InvalidRequestException(LINKEDIN, "the " + Branches.title(branch) + " shape has "
            + (paths.isEmpty() ? "no file field" : "several file fields " + paths) + " for the given files");
      }
      files.put(paths.get(0), List.copyOf(extraFiles));
    }
    if (typed && files.isEmpty() && branch == branchOf(ClassicOptions.class).orElse(null)) {
      return ClassicLinkedIn.of(ModelTrees.fromTree(tree, ClassicOptions.class));
    }
    if (typed && files.isEmpty() && branch == branchOf(SalesNavigatorOptions.class).orElse(null)) {
      return SalesNavigatorLinkedIn.of(ModelTrees.fromTree(tree, SalesNavigatorOptions.class));
    }
    return new LinkedInShape(tree.deepCopy(), Branches.title(branch), files);
  }

  static LinkedInShape ofModel(Object model) {
    ObjectNode tree = ModelTrees.toTree(model);
    JsonNode schema = schema();
    Optional<String> discriminator = Branches.discriminator(schema);
    JsonNode branch = discriminator.isPresent() && tree.has(discriminator.get())
        ? Branches.choose(schema, tree)
        : branchOf(model.getClass()).orElse(null);
    if (branch == null) {
      throw new InvalidRequestException(LINKEDIN, model.getClass().getSimpleName()
          + " is no shape of the spec's linkedin field (" + titles() + ")");
    }
    discriminator.flatMap(name -> Branches.pinned(branch, name)).ifPresent(value -> {
      if (!tree.has(discriminator.get())) {
        tree.set(discriminator.get(), value);
      }
    });
    Map<String, List<Attachment>> files = new LinkedHashMap<>();
    takeFiles(branch, tree, "", files);
    RequestRules.checkLinkedIn(tree);
    return new LinkedInShape(tree, Branches.title(branch), files);
  }

  /** The branch whose properties are exactly the model class's JSON properties. */
  static Optional<JsonNode> branchOf(Class<?> modelClass) {
    return BRANCH_OF_MODEL.computeIfAbsent(modelClass, type -> Branches.withProperties(schema(), jsonProperties(type)));
  }

  private static Set<String> jsonProperties(Class<?> type) {
    return ModelTrees.MAPPER.getSerializationConfig().introspect(ModelTrees.MAPPER.constructType(type))
        .findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
  }

  /** Files on a generated model serialize as their paths; they travel as file parts, never as text. */
  private static void takeFiles(JsonNode schema, ObjectNode tree, String path, Map<String, List<Attachment>> files) {
    JsonNode branch = Branches.choose(schema, tree);
    if (branch == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = branch.path("properties").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String childPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      JsonNode value = tree.get(property.getKey());
      if (value == null) {
        continue;
      }
      if (isFileList(property.getValue()) && value.isArray()) {
        List<Attachment> list = new ArrayList<>();
        value.forEach(file -> list.add(Attachment.of(Path.of(file.asText()))));
        files.put(childPath, list);
        tree.remove(property.getKey());
      } else if (value instanceof ObjectNode child) {
        takeFiles(property.getValue(), child, childPath, files);
      }
    }
  }

  /** Dotted paths of the file-list properties of a shape, nested objects included. */
  private static List<String> filePaths(JsonNode schema, String path) {
    List<String> paths = new ArrayList<>();
    List<JsonNode> candidates = Branches.of(schema).isEmpty() ? List.of(schema) : Branches.of(schema);
    for (JsonNode candidate : candidates) {
      for (Iterator<Map.Entry<String, JsonNode>> it = candidate.path("properties").properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String childPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
        if (isFileList(property.getValue())) {
          paths.add(childPath);
        } else if (path.split("\\.").length < 8) {
          filePaths(property.getValue(), childPath).stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        }
      }
    }
    return paths;
  }

  private static boolean isFileList(JsonNode schema) {
    return "binary".equals(schema.path("items").path("format").asText())
        || "binary".equals(schema.path("format").asText());
  }

  private static String titles() {
    return Branches.of(schema()).stream().map(Branches::title).collect(Collectors.joining(", "));
  }
}
