package io.github.unipilechat.contract.mock;

import static io.github.unipilechat.contract.mock.MockClient.KEY;
import static io.github.unipilechat.contract.mock.MockClient.file;
import static io.github.unipilechat.contract.mock.MockClient.post;
import static io.github.unipilechat.contract.mock.MockClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.unipilechat.contract.mock.MockClient.Answer;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a team's own tools may send: every answer is spec-shaped JSON (MockClient checks each against the spec). */
@ExtendWith(MockUnipileExtension.class)
class MockHostileInputTest {
  private static final String BODY = "--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\nacc_1\r\n"
      + "--b\r\nContent-Disposition: form-data; name=\"attendees_ids\"\r\n\r\nACoAAB1\r\n--b--\r\n";
  private static MockUnipileServer small;

  @BeforeAll
  static void startSmall() {
    small = MockUnipileServer.builder().maxRequestBytes(64 * 1024).maxParts(50).journalLimit(3).build().start();
  }

  @AfterAll
  static void stopSmall() {
    small.close();
  }

  private static Answer raw(MockUnipileServer mock, String contentType, String body) {
    return post(mock, RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType)), "X-API-KEY", KEY);
  }

  @Test
  void wellFormedRawBodyIsAccepted(MockUnipileServer mock) {
    assertThat(raw(mock, "multipart/form-data; boundary=b", BODY).status()).isEqualTo(201);
  }

  @Test
  void multipartWithoutBoundaryIsMalformedRequest(MockUnipileServer mock) {
    Answer answer = raw(mock, "multipart/form-data", BODY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/malformed_request");
    assertThat(answer.detail()).contains("no boundary");
  }

  @Test
  void wrongBoundaryIsMalformedRequest(MockUnipileServer mock) {
    Answer answer = raw(mock, "multipart/form-data; boundary=other", BODY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isIn("errors/malformed_request", "errors/missing_parameters");
  }

  @Test
  void truncatedBodyIsMalformedRequest(MockUnipileServer mock) {
    Answer answer = raw(mock, "multipart/form-data; boundary=b", BODY.substring(0, BODY.length() - 30));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/malformed_request");
  }

  @Test
  void thousandAndOneAttendeesAreAccepted(MockUnipileServer mock) {
    MultipartBody.Builder form = valid();
    for (int i = 0; i < 1_000; i++) {
      form.addFormDataPart("attendees_ids", "ACoAAB" + i);
    }

    assertThat(post(mock, form).status()).isEqualTo(201);
    assertThat(mock.journal().last().fields().path("attendees_ids")).hasSize(1_001);
  }

  @Test
  void textOver200KbIsAccepted(MockUnipileServer mock) {
    String text = "x".repeat(250_000);

    assertThat(post(mock, valid().addFormDataPart("text", text)).status()).isEqualTo(201);
    assertThat(mock.journal().last().text("text")).hasSize(250_000);
  }

  @Test
  void thousandBracketLevelsAreAnInvalidNameNotACrash(MockUnipileServer mock) {
    Answer answer = post(mock, valid().addFormDataPart("linkedin" + "[a]".repeat(1_100), "x"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/invalid_parameters");
    assertThat(answer.detail()).contains("bracket levels");
  }

  @Test
  void bodyOverTheLimitIsContentTooLargeFromItsLength() {
    Answer answer = post(small, file(valid(), "attachments", "big.pdf", new byte[100 * 1024]));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/content_too_large");
    assertThat(answer.detail()).contains("65536 bytes");
  }

  @Test
  void chunkedBodyOverTheLimitIsContentTooLarge() {
    byte[] form = bytes(file(valid(), "attachments", "big.pdf", new byte[100 * 1024]).build());
    RequestBody chunked = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("multipart/form-data; boundary=" + boundary(form));
      }

      @Override
      public long contentLength() {
        return -1; // no Content-Length: the limit must hold while reading
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.write(form);
      }
    };

    Answer answer = post(small, chunked, "X-API-KEY", KEY);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/content_too_large");
  }

  @Test
  void morePartsThanTheLimitIsContentTooLarge() {
    MultipartBody.Builder form = valid();
    for (int i = 0; i < 60; i++) {
      form.addFormDataPart("attendees_ids", "ACoAAB" + i);
    }

    Answer answer = post(small, form);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/content_too_large");
  }

  @Test
  void journalKeepsOnlyTheLastEntries() {
    small.journal().clear();
    for (int i = 0; i < 5; i++) {
      post(small, valid().addFormDataPart("text", "message " + i));
    }

    assertThat(small.journal().entries()).extracting(e -> e.text("text")).containsExactly("message 2", "message 3", "message 4");
    assertThat(small.journal().dropped()).isEqualTo(2);
  }

  @Test
  void extensionJournalStillStartsEmptyAndKeepsEveryRequestOfATest(MockUnipileServer mock) {
    for (int i = 0; i < 20; i++) {
      post(mock, valid());
    }

    assertThat(mock.journal().size()).isEqualTo(20);
  }

  @Test
  void keylessRequestIsRefusedBeforeAnyDelay(MockUnipileServer mock) {
    // Before: the mock slept 60 s first, past this client's 30 s read timeout.
    Answer answer = post(mock, valid().build(), "Prefer", "delay=60000");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.type()).isEqualTo("errors/missing_credentials");
  }

  @Test
  void preferCodeOutOfRangeIsRefusedNotWrapped(MockUnipileServer mock) {
    Answer answer = post(mock, valid(), "Prefer", "code=99999999999");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("errors/invalid_parameters");
    assertThat(answer.detail()).contains("between 100 and 599, got 99999999999").doesNotContain("1215752191");
  }

  @Test
  void preferDelayOverTheCapIsRefused(MockUnipileServer mock) {
    Answer answer = post(mock, valid(), "Prefer", "delay=600000");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.detail()).contains("between 0 and 60000 ms");
  }

  private static byte[] bytes(MultipartBody body) {
    okio.Buffer buffer = new okio.Buffer();
    try {
      body.writeTo(buffer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static String boundary(byte[] form) {
    String first = new String(form, 0, 200, StandardCharsets.UTF_8);
    return first.substring(2, first.indexOf("\r\n"));
  }
}
