package io.github.unipilechat.contract.onespec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.mock.MockUnipileServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the spec's letter allows but does not describe: refused by default by the mock and verify-pact as its own
 * kind of finding, accepted by both with acceptNotDescribed; a rule the spec states is refused either way.
 */
class NotDescribedInTheKitTest {
  private static final String NOT_DESCRIBED = "the provider may ignore";
  private static MockUnipileServer strict;
  private static MockUnipileServer lenient;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    strict = MockUnipileServer.builder().build().start();
    lenient = MockUnipileServer.builder().acceptNotDescribed(true).build().start();
  }

  @AfterAll
  static void stop() {
    strict.close();
    lenient.close();
  }

  static Stream<Arguments> notDescribed() {
    return Stream.of(
        Arguments.of("an unknown top-level field", Wire.valid("foo", "bar"), "foo: is not described by the spec"),
        Arguments.of("an unknown LinkedIn key", Wire.valid("linkedin[api]", "classic", "linkedin[foo]", "x"),
            "linkedin.foo: is not described by the spec"),
        Arguments.of("follow_up under the classic shape", Wire.valid("linkedin[follow_up][subject]", "s",
            "linkedin[follow_up][text]", "t", "linkedin[follow_up][scheduled_time][days]", "5",
            "linkedin[follow_up][scheduled_time][timezone]", "UTC"),
            "linkedin.follow_up: is not described by the spec for this shape (only when linkedin.api is recruiter)"),
        Arguments.of("days with weeks", Wire.valid("linkedin[api]", "recruiter", "linkedin[follow_up][subject]", "s",
            "linkedin[follow_up][text]", "t", "linkedin[follow_up][scheduled_time][days]", "5",
            "linkedin[follow_up][scheduled_time][weeks]", "2", "linkedin[follow_up][scheduled_time][timezone]", "UTC"),
            "linkedin.follow_up.scheduled_time: is not described by the spec: it matches"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notDescribed")
  void theMockRefusesItByDefaultAndAcceptsItWhenAsked(String name, Wire wire, String finding) {
    Wire.Answer refused = wire.post(strict);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.detail()).startsWith(finding).contains(NOT_DESCRIBED);

    assertThat(wire.post(lenient).status()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notDescribed")
  void verifyPactReportsItByDefaultAndAcceptsItWhenAsked(String name, Wire wire, String finding) {
    Path pact = wire.pact(dir, 201, Wire.CREATED);

    Wire.Verdict strictVerdict = Wire.verify(pact, null, false);
    assertThat(strictVerdict.exit()).isEqualTo(1);
    assertThat(strictVerdict.out()).contains("request field " + finding).contains("not described by the spec");

    Wire.Verdict lenientVerdict = Wire.verify(pact, null, true);
    assertThat(lenientVerdict.exit()).as(lenientVerdict.out()).isZero();
  }

  @Test
  void aStatedRuleIsRefusedEvenWhenNotDescribedIsAccepted() {
    Wire broken = Wire.valid("foo", "bar", "linkedin[api]", "recruiter", "linkedin[visibility]", "SECRET");

    Wire.Answer answer = broken.post(lenient);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).startsWith("linkedin.visibility:").doesNotContain("foo");

    Wire.Verdict verdict = Wire.verify(broken.pact(dir, 201, Wire.CREATED), null, true);
    assertThat(verdict.exit()).isEqualTo(1);
    assertThat(verdict.out()).contains("field linkedin.visibility").doesNotContain("field foo");
  }
}
