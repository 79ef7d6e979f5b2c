package io.github.unipilechat.errors;

import io.github.unipilechat.internal.UntrustedText;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorTypeTest {
  /**
   * Every {@code type} enum the generator made from the spec's error answers, found among the generated model classes
   * (not listed here, so a status the provider adds is included).
   */
  @Test
  void theKnownTypesAreExactlyThoseOfTheGeneratedModels() throws Exception {
    TreeSet<String> generated = new TreeSet<>();
    for (Class<?> typeEnum : generatedTypeEnums()) {
      for (Object constant : typeEnum.getEnumConstants()) {
        generated.add((String) typeEnum.getMethod("getValue").invoke(constant));
      }
    }
    assertThat(generated).isNotEmpty();
    assertThat(ErrorType.documented()).containsExactlyElementsOf(generated);
    generated.forEach(raw -> assertThat(ErrorType.of(raw).isKnown()).as(raw).isTrue());
  }

  private static List<Class<?>> generatedTypeEnums() throws Exception {
    Class<?> anyModel = ChatsControllerStartNewChat201Response.class;
    String folder = anyModel.getPackageName().replace('.', '/');
    Path location = Path.of(anyModel.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(folder))) {
        files.map(file -> file.getFileName().toString()).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(folder + "/"))
            .map(name -> name.substring(folder.length() + 1)).forEach(names::add);
      }
    }
    List<Class<?>> enums = new ArrayList<>();
    for (String name : names) {
      if (name.endsWith("$TypeEnum.class")) {
        enums.add(Class.forName(anyModel.getPackageName() + "." + name.substring(0, name.length() - ".class".length())));
      }
    }
    return enums;
  }

  @Test
  void everyNamedConstantIsDocumented() throws Exception {
    List<String> undocumented = new ArrayList<>();
    for (Field field : ErrorType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ErrorType.class) {
        ErrorType type = (ErrorType) field.get(null);
        if (type != ErrorType.UNKNOWN && !type.isKnown()) {
          undocumented.add(field.getName());
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void statusesComeFromTheSpec() {
    assertThat(ErrorType.TOO_MANY_REQUESTS.statuses()).containsExactly(429);
    assertThat(ErrorType.NO_CONNECTION_WITH_RECIPIENT.statuses()).containsExactly(422);
    assertThat(ErrorType.REQUEST_TIMEOUT.statuses()).containsExactly(504);
  }

  @Test
  void unknownAndBlankNeverFail() {
    assertThat(ErrorType.of(null)).isSameAs(ErrorType.UNKNOWN);
    assertThat(ErrorType.of("  ")).isSameAs(ErrorType.UNKNOWN);
    assertThat(ErrorType.UNKNOWN.isKnown()).isFalse();
    assertThat(ErrorType.of("errors/x").raw()).isEqualTo("errors/x");
    assertThat(ErrorType.of("errors/too_many_requests")).isEqualTo(ErrorType.TOO_MANY_REQUESTS);
  }

  @Test
  void oneLineCapsAndFlattens() {
    assertThat(UntrustedText.oneLine("a\r\n\tb  c", 100)).isEqualTo("a b c");
    assertThat(UntrustedText.oneLine("abcdef", 3)).isEqualTo("abc...");
    assertThat(UntrustedText.oneLine(null, 3)).isEmpty();
  }

  /** ESC and a bidi override used to vanish into a space: shown, they cannot recolour or reorder the line. */
  @Test
  void oneLineEscapesControlsAndNeverCutsACharacterInHalf() {
    assertThat(UntrustedText.oneLine("a\u001b[31mb\u202ec\u0000", 100)).isEqualTo("a\\u001b[31mb\\u202ec\\u0000");
    assertThat(UntrustedText.oneLine("ab\ud83d\ude00", 3)).isEqualTo("ab...");
    assertThat(UntrustedText.oneLine("a\u001bb", 4)).isEqualTo("a...");
  }
}
