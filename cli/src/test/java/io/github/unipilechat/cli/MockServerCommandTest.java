package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MockServerCommandTest {

  @Test
  void servesUntilStoppedAndAcceptsTheClientsRequests() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(Map.of(), new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8));
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> new CommandLine(new MockServerCommand(console, stop).spec()).execute("--port", "0", "--api-key", "k"));

    String url = awaitUrl(err);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console client = new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true));
    int sent = Main.run(client, "start-chat", "--base-url", url, "--api-key", "k", "--account-id", "a", "--attendee", "b");
    int refused = Main.run(client, "start-chat", "--base-url", url, "--api-key", "wrong", "--account-id", "a", "--attendee", "b");
    stop.countDown();

    assertThat(sent).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ChatStarted");
    assertThat(refused).isEqualTo(1);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void sizeLimitOptionAnswersContentTooLarge() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(Map.of(), new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8));
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(new MockServerCommand(console, stop).spec())
        .execute("--port", "0", "--max-request-size", "1000", "--journal-size", "1"));

    String url = awaitUrl(err);
    String form = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + "x".repeat(2_000) + "\r\n--b--\r\n";
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/chats"))
            .header("X-API-KEY", "k").header("Content-Type", "multipart/form-data; boundary=b")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    stop.countDown();

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("errors/content_too_large").contains("at most 1000 bytes");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void notDescribedIsRefusedByDefaultAndAcceptedWithTheSwitch() throws Exception {
    String form = "--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\na\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"attendees_ids\"\r\n\r\nb\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"linkedin[foo]\"\r\n\r\nx\r\n--b--\r\n";
    assertThat(postTo(form)).startsWith("400 ").contains("linkedin.foo: is not described by the spec; the provider may ignore it");
    assertThat(postTo(form, "--accept-not-described")).startsWith("201 ");
    String daysTwo = form.replace("linkedin[foo]\"\r\n\r\nx", "linkedin[api]\"\r\n\r\npremium");
    assertThat(postTo(daysTwo, "--accept-not-described")).startsWith("400 ").contains("linkedin.api: must be one of");
  }

  /** Starts mock-server with {@code options}, posts {@code form}, stops it: "STATUS BODY". */
  private static String postTo(String form, String... options) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(Map.of(), new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8));
    CountDownLatch stop = new CountDownLatch(1);
    String[] args = new String[options.length + 2];
    args[0] = "--port";
    args[1] = "0";
    System.arraycopy(options, 0, args, 2, options.length);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(new MockServerCommand(console, stop).spec()).execute(args));
    try {
      String url = awaitUrl(err);
      java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/chats"))
              .header("X-API-KEY", "k").header("Content-Type", "multipart/form-data; boundary=b")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() + " " + answer.body();
    } finally {
      stop.countDown();
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  /** Each run used to add a shutdown hook and never remove it: repeated runs in one JVM piled them up. */
  @Test
  void eachRunRemovesTheShutdownHookItAdded() throws Exception {
    List<Thread> added = new CopyOnWriteArrayList<>();
    List<Thread> removed = new CopyOnWriteArrayList<>();
    MockServerCommand.ShutdownHooks recording = new MockServerCommand.ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        added.add(hook);
      }

      @Override
      public void remove(Thread hook) {
        removed.add(hook);
      }
    };
    Console quiet = new Console(Map.of(), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(new ByteArrayOutputStream(), true));
    for (int run = 0; run < 2; run++) {
      CountDownLatch stop = new CountDownLatch(1);
      stop.countDown(); // stops as soon as it has started
      assertThat(new CommandLine(new MockServerCommand(quiet, stop, recording).spec()).execute("--port", "0")).isZero();
    }

    assertThat(added).hasSize(2);
    assertThat(removed).containsExactlyElementsOf(added);
  }

  private static String awaitUrl(ByteArrayOutputStream err) throws InterruptedException {
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    for (int i = 0; i < 200; i++) {
      Matcher matcher = listening.matcher(err.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the mock server did not start: " + err);
  }
}
