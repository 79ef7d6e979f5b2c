package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SpecDocument;
import io.github.unipilechat.internal.spec.SpecModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the bundled document is called by its command against the embedded mock, with what its spec
 * requires and nothing more, read from the spec: each required parameter by its option, each required body field by
 * {@code --field}. In the main build that is the seed's operations; CI's reference build runs the same test on the
 * seed merged with every page of the provider's reference.
 */
class EveryOperationCommandTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path files;

  private Console console() {
    return new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void everyOperationIsCalledByItsLongNameAndGetsItsDocumentedAnswer() throws IOException {
    SpecModel model = SpecModel.bundled();
    Map<String, Operation> names = OperationCommand.names(model, Set.copyOf(Main.COMMANDS));
    for (Operation operation : model.operations().all()) {
      String name = names.entrySet().stream().filter(entry -> entry.getValue() == operation).map(Map.Entry::getKey)
          .max(Comparator.comparingInt(String::length)).orElseThrow();
      List<String> args = arguments(model, operation, name);
      out.reset();
      err.reset();

      int code = Main.run(console(), args.toArray(String[]::new));

      assertThat(code).as("%s: %s%n%s", operation, args, err.toString(StandardCharsets.UTF_8)).isZero();
      // The mock answers the first success the operation documents; a documented body is printed, no body is not.
      JsonNode success = operation.responses().entrySet().stream().filter(e -> e.getKey().matches("2[0-9][0-9]"))
          .map(e -> SpecDocument.resolve(model.document(), e.getValue())).findFirst().orElseThrow();
      assertThat(out.toString(StandardCharsets.UTF_8).strip()).as("%s: %s", operation, args)
          .matches(printed -> printed.isEmpty() == success.path("content").isEmpty());
    }
  }

  /** The command line that sets what {@code operation} requires, with values its schemas accept. */
  private List<String> arguments(SpecModel model, Operation operation, String name) throws IOException {
    List<String> args = new ArrayList<>(List.of(name));
    new OperationCommand(console(), null, model, operation, name).parameterOptions().forEach((option, parameter) -> {
      if (parameter.required()) {
        args.add(option);
        args.add(text(value(model.document(), parameter.schema(), 0)));
      }
    });
    if (operation.body().isPresent()) {
      boolean json = operation.body().get().isJson();
      for (FormField field : FormSchema.of(model, operation).fields()) {
        if (!field.required()) {
          continue;
        }
        if (field.kind().isFile()) {
          Path file = Files.write(files.resolve(field.name() + ".bin"), new byte[] {1, 2, 3});
          args.add("--field");
          args.add(field.name() + "=@" + file);
          continue;
        }
        JsonNode value = value(model.document(), field.schema(), 0);
        // A multipart array is one part per item (curl -F repeated); a JSON body takes the array as JSON.
        for (JsonNode item : value.isArray() && !json ? value : List.of(value)) {
          args.add("--field");
          args.add(field.name() + "=" + text(item));
        }
      }
    }
    return args;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** A minimal value {@code schema} accepts: its example, its first enum value, else one built from its type. */
  private static JsonNode value(JsonNode document, JsonNode schema, int depth) {
    JsonNode s = SpecDocument.resolve(document, schema);
    if (s.has("example")) {
      return s.get("example");
    }
    if (s.path("enum").size() > 0) {
      return s.path("enum").get(0);
    }
    for (String branches : List.of("anyOf", "oneOf", "allOf")) {
      if (s.path(branches).size() > 0) {
        return value(document, s.path(branches).get(0), depth + 1);
      }
    }
    switch (s.path("type").asText(s.has("properties") ? "object" : "string")) {
      case "boolean":
        return JSON.booleanNode(true);
      case "integer":
      case "number":
        return JSON.numberNode(s.path("minimum").asLong(1));
      case "array": {
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < Math.max(1, s.path("minItems").asInt(1)); i++) {
          array.add(value(document, s.path("items"), depth + 1));
        }
        return array;
      }
      case "object": {
        ObjectNode object = JSON.objectNode();
        if (depth < 8) {
          s.path("required").forEach(required -> object.set(required.asText(),
              value(document, s.path("properties").path(required.asText()), depth + 1)));
        }
        return object;
      }
      default:
        return JSON.textNode(string(s));
    }
  }

  private static String string(JsonNode schema) {
    switch (schema.path("format").asText("")) {
      case "date-time":
        return "2026-01-01T00:00:00.000Z";
      case "date":
        return "2026-01-01";
      case "email":
        return "someone@example.com";
      case "uri":
      case "url":
        return "https://example.com/";
      case "uuid":
        return "123e4567-e89b-12d3-a456-426614174000";
      default:
        return "x1".repeat(Math.max(1, (schema.path("minLength").asInt(1) + 1) / 2));
    }
  }
}
