package io.github.unipilechat.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.internal.form.BracketEncoder;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.regen.Codegen;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spec update does without a hand-written change: the provider adds an optional field and an enum value
 * to the Recruiter shape; the models are regenerated (with client-generated's settings file) and compiled, and the
 * client's own tree-and-bracket path sends both.
 */
class RegeneratedSpecReachesTheWireTest {
  /** The Recruiter shape's properties: the linkedin branch whose api is "recruiter", wherever the spec lists it. */
  private static final String RECRUITER =
      "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema/properties/linkedin/anyOf/"
          + recruiterIndex() + "/properties";

  private static int recruiterIndex() {
    JsonNode shapes = ProviderSpec.requestSchema().path("properties").path("linkedin").path("anyOf");
    for (int i = 0; i < shapes.size(); i++) {
      if (shapes.get(i).path("properties").path("api").path("enum").toString().contains("\"recruiter\"")) {
        return i;
      }
    }
    throw new IllegalStateException("no recruiter shape in the spec");
  }

  @TempDir static Path temp;
  private static ClassLoader regenerated;

  @BeforeAll
  static void regenerateFromAModifiedSpec() throws Exception {
    ObjectNode spec = ProviderSpec.document().deepCopy();
    ObjectNode recruiter = (ObjectNode) spec.at(RECRUITER);
    recruiter.putObject("priority").put("type", "string").put("description", "Added upstream.");
    ((ArrayNode) recruiter.at("/visibility/enum")).add("TEAM");
    // The build's settings (client-generated/openapi-generator.yaml), in another package so the build's models stay untouched.
    Path classes = Codegen.regenerate(spec, temp, "regen", true, false);
    regenerated = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RegeneratedSpecReachesTheWireTest.class.getClassLoader());
  }

  @Test
  void anAddedOptionalFieldIsSent() throws Exception {
    Object options = recruiterOptions();
    setter(options, "priority").invoke(options, "urgent");

    assertThat(send(options)).contains("linkedin[priority]=urgent");
  }

  @Test
  void anAddedEnumValueIsSent() throws Exception {
    Object options = recruiterOptions();
    Method visibility = setter(options, "visibility");
    Class<?> enumType = visibility.getParameterTypes()[0];
    visibility.invoke(options, enumType.getMethod("fromValue", String.class).invoke(null, "TEAM"));

    assertThat(send(options)).contains("linkedin[visibility]=TEAM");
  }

  /** The client's path for every shape: the model's JSON tree, then one bracket field per leaf. */
  private static List<String> send(Object model) {
    JsonNode tree = ModelTrees.toTree(model);
    return BracketEncoder.encode("linkedin", tree).stream()
        .map(part -> part.name() + "=" + ((FormPart.Text) part).value()).toList();
  }

  private static Object recruiterOptions() throws Exception {
    return regenerated.loadClass("regen.model.RecruiterOptions").getDeclaredConstructor().newInstance();
  }

  private static Method setter(Object model, String property) {
    return Stream.of(model.getClass().getMethods())
        .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
        .filter(m -> m.getAnnotation(JsonProperty.class) != null && m.getAnnotation(JsonProperty.class).value().equals(property))
        .findFirst().orElseThrow(() -> new AssertionError("the regenerated model has no " + property));
  }
}
