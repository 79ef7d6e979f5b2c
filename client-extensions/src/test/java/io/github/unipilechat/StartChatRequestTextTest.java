package io.github.unipilechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.unipilechat.errors.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A text of only spaces or line breaks is refused like a blank id; null or empty means no text. */
class StartChatRequestTextTest {
  private static StartChatRequest.Builder minimal() {
    return StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", " \t\r\n ", "\u2003"})
  void blankTextIsRefused(String blank) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> minimal().text(blank).build());

    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("text"));
    assertThat(e.getMessage()).contains("text: must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Hi "})
  void emptyTextMeansNoTextAndOtherTextIsKept(String text) {
    assertThat(minimal().text(text).build().text()).isEqualTo(text.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(text));
  }
}
