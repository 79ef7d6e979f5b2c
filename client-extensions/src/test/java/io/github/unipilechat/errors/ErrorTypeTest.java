package io.github.unipilechat.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.internal.text.UntrustedText;
import io.github.unipilechat.regen.Codegen;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorTypeTest {
  /**
   * Every {@code type} enum the generator made for a response of the spec (found through the generator's own
   * naming, not listed here, so a status or an operation the provider adds is included), against what the client
   * documents. Like the spec's reading, only string values count: a response's numeric {@code type} (a chat's kind,
   * 0/1/2) is no error type.
   */
  @Test
  void theKnownTypesAreExactlyThoseOfTheGeneratedModels(@TempDir Path work) throws Exception {
    TreeSet<String> generated = new TreeSet<>();
    for (Class<?> typeEnum : generatedTypeEnums(work)) {
      for (Object constant : typeEnum.getEnumConstants()) {
        if (typeEnum.getMethod("getValue").invoke(constant) instanceof String value) {
          generated.add(value);
        }
      }
    }
    assertThat(generated).isNotEmpty();
    assertThat(ErrorType.documented()).containsExactlyElementsOf(generated);
    generated.forEach(raw -> assertThat(ErrorType.of(raw).isKnown()).as(raw).isTrue());
  }

  /** The {@code TypeEnum} of each model the build generated for a response of the bundled spec. */
  private static List<Class<?>> generatedTypeEnums(Path work) throws Exception {
    String models = ChatsControllerStartNewChat201Response.class.getPackageName();
    List<Class<?>> enums = new ArrayList<>();
    for (String model : Codegen.responseModels(ProviderSpec.document(), work)) {
      Class<?> type = Class.forName(models + "." + model);
      for (Class<?> nested : type.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("TypeEnum")) {
          enums.add(nested);
        }
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
