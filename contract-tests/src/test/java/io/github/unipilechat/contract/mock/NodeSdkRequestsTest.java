package io.github.unipilechat.contract.mock;

import static io.github.unipilechat.contract.mock.MockClient.KEY;
import static io.github.unipilechat.contract.mock.MockClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.multipart.ReceivedField;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests of the official Node SDK (unipile-node-sdk 1.9.3, undici's FormData), captured byte for byte on a
 * loopback server by src/test/resources/external/make-fixtures.js and replayed against the mock.
 */
@ExtendWith(MockUnipileExtension.class)
class NodeSdkRequestsTest {

  private static MockClient.Answer replay(MockUnipileServer mock, String name) throws Exception {
    Path dir = Path.of(NodeSdkRequestsTest.class.getResource("/external/node-sdk/" + name + ".multipart").toURI()).getParent();
    byte[] body = Files.readAllBytes(dir.resolve(name + ".multipart"));
    String contentType = Files.readString(dir.resolve(name + ".content-type")).trim();
    return post(mock, RequestBody.create(body, MediaType.get(contentType)), "X-API-KEY", KEY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"classic-inmail", "recruiter-signature", "attachments"})
  void everyCapturedRequestIsAccepted(String name, MockUnipileServer mock) throws Exception {
    assertThat(replay(mock, name).status()).isEqualTo(201);
  }

  @Test
  void repeatedAttendeesAndBracketOptionsAreReadAsTheSdkMeantThem(MockUnipileServer mock) throws Exception {
    replay(mock, "classic-inmail");

    JournalEntry entry = mock.journal().last();
    assertThat(entry.fields().path("attendees_ids")).extracting(Object::toString).containsExactly("\"ACoAAB1\"", "\"ACoAAB2\"");
    assertThat(entry.fields().at("/linkedin/api").asText()).isEqualTo("classic");
    assertThat(entry.fields().at("/linkedin/inmail").isBoolean()).isTrue();
  }

  @Test
  void attachmentsArriveAsFileParts(MockUnipileServer mock) throws Exception {
    replay(mock, "attachments");

    assertThat(mock.journal().last().files()).extracting(ReceivedField.File::fileName).containsExactly("a.txt", "b.pdf");
  }
}
