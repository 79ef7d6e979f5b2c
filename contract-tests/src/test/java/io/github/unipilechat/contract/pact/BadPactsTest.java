package io.github.unipilechat.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Negative controls: hand-edited copies of generated pacts (src/test/resources/pacts-bad), each broken in one
 * way. The verifier must reject every one and say which interaction, field and rule.
 */
class BadPactsTest {
  static final PactSpecVerifier VERIFIER = PactSpecVerifier.bundled();

  static Path bad(String name) throws URISyntaxException {
    return Path.of(BadPactsTest.class.getResource("/pacts-bad/" + name).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      linkedin-as-one-json-part.json | start a Recruiter chat with the LinkedIn options as one JSON part | request field linkedin | bracket fields
      follow-up-in-2-days.json       | start a Recruiter chat with a follow-up in 2 days                | request field linkedin    |
      missing-attendees-ids.json     | start a chat without attendees                                   | request                   | attendees_ids
      response-type-not-in-enum.json | start a chat with someone on holiday                             | response field type       | errors/recipient_on_holiday
      created-without-object.json    | start a plain chat, answered without object                      | response                  | object
      """)
  void theVerifierRejects(String file, String interaction, String where, String mentions) throws Exception {
    List<PactViolation> violations = VERIFIER.verify(bad(file));
    assertThat(violations).as("violations of %s", file).isNotEmpty();
    assertThat(violations).allSatisfy(v -> assertThat(v.interaction()).isEqualTo(interaction));
    assertThat(violations).extracting(PactViolation::toString)
        .anySatisfy(line -> assertThat(line).startsWith("interaction '" + interaction + "': " + where)
            .contains(mentions == null ? "" : mentions));
  }

  @Test
  void aFollowUpInTwoDaysNamesTheFieldAndTheMinimum() throws Exception {
    assertThat(VERIFIER.verify(bad("follow-up-in-2-days.json"))).extracting(PactViolation::toString)
        .anySatisfy(line -> assertThat(line).contains("linkedin.follow_up.scheduled_time.days").contains("3"));
  }

  @Test
  void verifyPactExitsNonZeroWithOneLinePerViolation() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = VerifyPact.run(List.of(bad("follow-up-in-2-days.json"), bad("missing-attendees-ids.json")), null,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(code).isEqualTo(VerifyPact.VIOLATIONS);
    assertThat(printed.lines().filter(l -> l.startsWith("interaction '"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(printed).contains("violation(s)");
  }

  @Test
  void unreadableInputsExitTwo() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
    assertThat(VerifyPact.run(List.of(Path.of("no-such-pact.json")), null, print, print))
        .isEqualTo(VerifyPact.UNREADABLE);
    assertThat(VerifyPact.run(List.of(bad("missing-attendees-ids.json")), Path.of("no-such-spec.json"), print, print))
        .isEqualTo(VerifyPact.UNREADABLE);
  }
}
