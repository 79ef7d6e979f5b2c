package io.github.unipilechat.contract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.contract.spec.SpecValidator;
import io.github.unipilechat.contract.spec.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw OkHttp requests to the mock; every answer is checked against the spec's response schemas on the way back. */
final class MockClient {
  static final String KEY = "mock-test-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SpecValidator SPEC = SpecValidator.bundled();
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

  record Answer(int status, JsonNode body, String retryAfter) {
    String type() {
      return body.path("type").asText();
    }

    String detail() {
      return body.path("detail").asText();
    }
  }

  private MockClient() {}

  static MultipartBody.Builder form() {
    return new MultipartBody.Builder().setType(MultipartBody.FORM);
  }

  static MultipartBody.Builder valid() {
    return form().addFormDataPart("account_id", "acc_1").addFormDataPart("attendees_ids", "ACoAAB1");
  }

  static MultipartBody.Builder file(MultipartBody.Builder form, String name, String fileName, byte[] bytes) {
    return form.addFormDataPart(name, fileName, RequestBody.create(bytes, MediaType.get("application/pdf")));
  }

  static Answer post(MockUnipileServer server, RequestBody body, String... headers) {
    Request.Builder request = new Request.Builder().url(server.baseUrl() + SpecValidator.PATH).post(body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      String text = response.body().string();
      ValidationResult conforms = SPEC.validateResponse(response.code(), response.header("Content-Type"), text);
      assertThat(conforms.violations()).as("the mock's own answer must conform to the spec").isEmpty();
      return new Answer(response.code(), JSON.readTree(text), response.header("Retry-After"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer post(MockUnipileServer server, MultipartBody.Builder form, String... headers) {
    String[] withKey = new String[headers.length + 2];
    withKey[0] = "X-API-KEY";
    withKey[1] = KEY;
    System.arraycopy(headers, 0, withKey, 2, headers.length);
    return post(server, form.build(), withKey);
  }
}
