package io.github.unipilechat.options;

import io.github.unipilechat.internal.LinkedInParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.unipilechat.generated.model.ClassicOptions;
import io.github.unipilechat.generated.model.RecruiterOptions;
import io.github.unipilechat.generated.model.SalesNavigatorOptions;
import io.github.unipilechat.multipart.FormPart;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sets every property of every generated option class (found by reflection, from the spec's
 * {@code JSON_PROPERTY_*} names) and checks each reaches the wire as its bracket field. A property the
 * provider adds and the encoder would drop fails here after the rebuild.
 */
class EveryGeneratedPropertyReachesTheWireTest {
  private static final String MODEL_PACKAGE = ClassicOptions.class.getPackageName();

  @TempDir java.nio.file.Path temp;

  @Test
  void classicOptions() throws Exception {
    assertEveryPropertySent(ClassicOptions.class, model -> LinkedInOptions.classic((ClassicOptions) model));
  }

  @Test
  void recruiterOptions() throws Exception {
    assertEveryPropertySent(RecruiterOptions.class, model -> LinkedInOptions.recruiter((RecruiterOptions) model));
  }

  @Test
  void salesNavigatorOptions() throws Exception {
    assertEveryPropertySent(SalesNavigatorOptions.class,
        model -> SalesNavigatorLinkedIn.of((SalesNavigatorOptions) model));
  }

  private void assertEveryPropertySent(Class<?> optionsClass, Function<Object, LinkedInOptions> wrap) throws Exception {
    List<String> expected = new ArrayList<>();
    Object model = populate(optionsClass, "linkedin", expected);
    assertThat(expected).as("properties found by reflection").isNotEmpty();

    List<FormPart> parts = LinkedInParts.of(wrap.apply(model));

    assertThat(parts).extracting(FormPart::name).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Sets every JSON property of {@code type} and records the bracket name each must be sent under. */
  private Object populate(Class<?> type, String name, List<String> expected) throws Exception {
    Object instance = type.getDeclaredConstructor().newInstance();
    for (Field constant : type.getFields()) {
      if (!Modifier.isStatic(constant.getModifiers()) || !constant.getName().startsWith("JSON_PROPERTY_")) {
        continue;
      }
      String property = (String) constant.get(null);
      Method setter = setterFor(type, property);
      String child = name + "[" + property + "]";
      setter.invoke(instance, sample(setter.getGenericParameterTypes()[0], child, expected));
    }
    return instance;
  }

  private Object sample(Type type, String name, List<String> expected) throws Exception {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      Type element = list.getActualTypeArguments()[0];
      List<Object> values = new ArrayList<>();
      values.add(sample(element, name, expected));
      return values;
    }
    Class<?> raw = (Class<?>) type;
    if (raw.getPackageName().equals(MODEL_PACKAGE) && !raw.isEnum()) {
      return populate(raw, name, expected);
    }
    expected.add(name);
    if (raw == String.class) {
      return "value of " + name;
    }
    if (raw == Boolean.class) {
      return Boolean.TRUE;
    }
    if (raw == Integer.class) {
      return 7;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw == File.class) {
      return file();
    }
    throw new AssertionError(name + " has a type this test does not know how to fill: " + raw.getName()
        + " (teach the test, and check the encoder sends it)");
  }

  private File file() throws IOException {
    java.nio.file.Path path = Files.createTempFile(temp, "follow-up", ".txt");
    Files.writeString(path, "file");
    return path.toFile();
  }

  private static Method setterFor(Class<?> type, String property) {
    for (Method method : type.getMethods()) {
      JsonProperty json = method.getAnnotation(JsonProperty.class);
      if (method.getName().startsWith("set") && method.getParameterCount() == 1 && json != null
          && json.value().equals(property)) {
        return method;
      }
    }
    throw new AssertionError("no setter for " + type.getSimpleName() + "." + property);
  }
}
