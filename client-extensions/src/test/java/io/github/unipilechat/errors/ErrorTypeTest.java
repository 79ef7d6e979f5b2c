package io.github.unipilechat.errors;

import io.github.unipilechat.internal.UntrustedText;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ErrorTypeTest {
  private static final String[] GENERATED = {"BadRequestResponse", "UnauthorizedResponse", "ForbiddenResponse",
      "NotFoundResponse", "UnsupportedMediaResponseSchema", "UnprocessableEntityResponseSchema",
      "TooManyRequestsResponse", "InternalServerErrorResponse", "NotImplementedErrorResponse",
      "ServiceUnavailableResponse", "GatewayTimeoutResponse"};

  @Test
  void theKnownTypesAreExactlyThoseOfTheGeneratedModels() throws Exception {
    TreeSet<String> generated = new TreeSet<>();
    for (String model : GENERATED) {
      Class<?> typeEnum = Class.forName("io.github.unipilechat.generated.model." + model + "$TypeEnum");
      for (Object constant : typeEnum.getEnumConstants()) {
        generated.add((String) typeEnum.getMethod("getValue").invoke(constant));
      }
    }
    assertThat(ErrorType.documented()).containsExactlyElementsOf(generated);
    generated.forEach(raw -> assertThat(ErrorType.of(raw).isKnown()).as(raw).isTrue());
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
}
