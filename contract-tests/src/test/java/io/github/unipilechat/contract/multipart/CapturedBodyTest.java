package io.github.unipilechat.contract.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.pact.MultipartFields;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw bytes as captured off the wire, parsed with OkHttp's MultipartReader, then decoded and validated. */
class CapturedBodyTest {
  private static final String CONTENT_TYPE = "multipart/form-data; boundary=----unipile-capture-7f3a";

  @Test
  void capturedRecruiterFollowUpDecodesToTheSpecShapeAndValidates() throws Exception {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/captured/recruiter-follow-up.multipart")) {
      body = in.readAllBytes();
    }
    List<ReceivedField> received = MultipartFields.read(body, CONTENT_TYPE).stream()
        .<ReceivedField>map(part -> part.isFile()
            ? new ReceivedField.File(part.name(), part.fileName().orElseThrow(), part.contentType().orElse(null), part.bytes().length)
            : new ReceivedField.Text(part.name(), part.text()))
        .toList();
    SpecValidator spec = SpecValidator.bundled();

    DecodedRequest decoded = spec.decoder().decode(received);

    assertThat(decoded.fields().at("/linkedin/follow_up/scheduled_time/days").asInt()).isEqualTo(5);
    assertThat(decoded.fields().at("/linkedin/follow_up/attachments/0").asText()).isEqualTo("brochure.pdf");
    assertThat(decoded.fields().get("attendees_ids")).hasSize(2);
    assertThat(decoded.files()).extracting(ReceivedField.File::size).containsExactly(17L, 11L);
    assertThat(spec.validateRequest(decoded, true).violations()).isEmpty();
  }
}
