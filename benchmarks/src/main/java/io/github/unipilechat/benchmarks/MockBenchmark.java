package io.github.unipilechat.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code mock-server} from the command-line jar, in a JVM of its own with its logging on (one line per request to
 * stderr, kept in a file), under {@link #CONNECTIONS} keep-alive connections from this process on loopback, beside
 * the same load on the plain loopback server (Javalin, no checks) in a JVM of its own: alternating rounds of
 * {@link #ROUND_MILLIS} ms after a warm-up, medians. Bounded in time and in count.
 */
final class MockBenchmark {
  static final int CONNECTIONS = 8;
  static final double TARGET = 3000;
  private static final long WARMUP_MILLIS = 8000;
  private static final long ROUND_MILLIS = 2000;
  private static final int ROUNDS = 5;
  /** Far more than 8 connections manage in a round on loopback; stops a runaway loop regardless. */
  private static final long MAX_REQUESTS_PER_ROUND = 1_000_000;
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final MediaType TEXT = MediaType.get("text/plain; charset=UTF-8");

  private final Path cliJar;

  MockBenchmark(Path cliJar) {
    this.cliJar = cliJar;
  }

  List<String> run() throws IOException, InterruptedException {
    Path log = Files.createTempFile("unipile-bench-mock", ".log");
    Process mock = null;
    Process plain = null;
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      mock = new ProcessBuilder(java, "-jar", cliJar.toString(), "mock-server", "--port", "0", "--host", "127.0.0.1")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
      String mockUrl = awaitListening(mock, log);
      plain = ChildJvm.start(List.of(), LoopbackMain.class);
      String plainUrl = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.UTF_8)).readLine();
      long[] failures = new long[1];
      List<String> rows = new ArrayList<>();
      // Both servers warm under both kinds of request first (C2 compiles the mock's path for a while on 2 busy
      // cores), then every round runs all four loads in turn.
      boolean[] kinds = {false, true};
      for (boolean distinct : kinds) {
        load(plainUrl, WARMUP_MILLIS / 2, distinct, failures);
        load(mockUrl, WARMUP_MILLIS, distinct, failures);
      }
      double[][] mockRates = new double[2][ROUNDS];
      double[][] plainRates = new double[2][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int kind = 0; kind < 2; kind++) {
          plainRates[kind][round] = load(plainUrl, ROUND_MILLIS, kinds[kind], failures);
          mockRates[kind][round] = load(mockUrl, ROUND_MILLIS, kinds[kind], failures);
        }
      }
      long logLines;
      try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
        logLines = lines.filter(l -> l.contains("-> 201")).count();
      }
      for (int kind = 0; kind < 2; kind++) {
        double mockRate = CliBenchmark.median(mockRates[kind]);
        double plainRate = CliBenchmark.median(plainRates[kind]);
        rows.add(String.format(Locale.ROOT,
            "| mock-server, valid plain requests%s, %d keep-alive connections, spec validation and logging on "
                + "(requests/s) | %.0f | %.0f (plain Javalin) | %.2f× | ≥ %.0f/s | %s |",
            kinds[kind] ? ", each one different (no kept verdict)" : ", the same one repeated", CONNECTIONS, mockRate,
            plainRate, mockRate / plainRate, TARGET,
            mockRate >= TARGET && failures[0] == 0 && logLines > 0 ? "yes" : "no"
                + (failures[0] > 0 ? " (" + failures[0] + " answers not 201)" : logLines == 0 ? " (no log lines)" : "")));
      }
      return rows;
    } finally {
      if (mock != null) {
        mock.destroy();
        mock.waitFor(10, TimeUnit.SECONDS);
      }
      if (plain != null) {
        plain.destroy();
        plain.waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    }
  }

  private static String awaitListening(Process mock, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (matcher.find()) {
        return matcher.group(1);
      }
      if (!mock.isAlive()) {
        throw new IllegalStateException("mock-server exited: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("mock-server did not say where it listens within 60 s");
  }

  /** Requests per second that {@link #CONNECTIONS} threads, one request in flight each, get answered. */
  private static double load(String baseUrl, long millis, boolean distinct, long[] failures)
      throws InterruptedException {
    // A client per round, so each round opens its own CONNECTIONS connections and closes them after.
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(CONNECTIONS, 1, TimeUnit.MINUTES)).retryOnConnectionFailure(false).build();
    Request same = request(baseUrl, "Hello");
    AtomicLong ok = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CONNECTIONS; i++) {
      String thread0 = "Hello from " + i + ", ";
      Thread thread = new Thread(() -> {
        long sent = 0;
        while (System.nanoTime() < end && ok.get() + bad.get() < MAX_REQUESTS_PER_ROUND) {
          Request request = distinct ? request(baseUrl, thread0 + sent++) : same;
          try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
            (response.code() == 201 ? ok : bad).incrementAndGet();
          } catch (IOException e) {
            bad.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    http.connectionPool().evictAll();
    failures[0] += bad.get();
    return ok.get() / seconds;
  }

  /** The plain valid request: an account, an attendee, a text. */
  private static Request request(String baseUrl, String text) {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("account_id", null, RequestBody.create("acc_1", TEXT))
        .addFormDataPart("attendees_ids", null, RequestBody.create("ACoAAB1", TEXT))
        .addFormDataPart("text", null, RequestBody.create(text, TEXT))
        .build();
    return new Request.Builder().url(baseUrl + "/api/v1/chats").header("X-API-KEY", "bench-key").post(body).build();
  }

  /** The plain server in a JVM of its own: prints its base URL, then serves until killed. */
  static final class LoopbackMain {
    private LoopbackMain() {}

    public static void main(String[] args) throws InterruptedException {
      LoopbackServer server = new LoopbackServer();
      System.out.println(server.baseUrl());
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
