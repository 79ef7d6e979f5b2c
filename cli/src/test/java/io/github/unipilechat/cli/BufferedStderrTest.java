package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mock-server's standard error is buffered, and its log lines still come out, each request's within moments. */
class BufferedStderrTest {
  @Test
  void aLineWaitsInTheBufferUntilFlushed() {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    PrintStream err = BufferedStderr.over(target, StandardCharsets.UTF_8);

    err.println("POST /api/v1/chats -> 201");
    assertThat(target.size()).isZero();
    err.flush();

    assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("POST /api/v1/chats -> 201" + System.lineSeparator());
  }

  @Test
  @Timeout(60)
  void theMockServerProcessStillLogsEachRequest() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process mock = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "mock-server", "--port", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(mock.getErrorStream(), StandardCharsets.UTF_8))) {
      Matcher listening = Pattern.compile("listening on (http://\\S+) ").matcher("");
      for (String line; (line = err.readLine()) != null && !listening.reset(line).find(); ) {
        // the lines before it
      }
      String boundary = "b0undary";
      String body = String.join("\r\n", List.of("--" + boundary,
          "Content-Disposition: form-data; name=\"account_id\"", "", "acc_1", "--" + boundary,
          "Content-Disposition: form-data; name=\"attendees_ids\"", "", "ACoAAB1", "--" + boundary + "--", ""));
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(listening.group(1) + "/api/v1/chats"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-API-KEY", "k")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(201);
      String line = err.readLine(); // "try: ..." comes first
      while (line != null && !line.contains("POST /api/v1/chats ->")) {
        line = err.readLine();
      }
      assertThat(line).contains("POST /api/v1/chats -> 201");
    } finally {
      mock.destroy();
      mock.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
