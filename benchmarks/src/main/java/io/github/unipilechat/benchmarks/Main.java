package io.github.unipilechat.benchmarks;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every measurement in one go and prints one table; every figure has its baseline beside it. */
public final class Main {
  private static final long GIB = 1L << 30;
  private static final int CONCURRENT = 1000;

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add("| measurement | unipile-chat | raw OkHttp | ratio | target | met |");
    rows.add("| --- | --- | --- | --- | --- | --- |");

    Collection<RunResult> roundTrip = jmh(RoundTripBenchmark.class);
    double client = score(roundTrip, "client");
    double raw = score(roundTrip, "rawOkHttp");
    double prebuilt = score(roundTrip, "clientPrebuiltRequest");
    rows.add(row("round trip, blocking, request built per call (µs/op)", client, raw, client / raw, "≤ 1.05×", client / raw <= 1.05));
    rows.add(row("round trip, blocking, request built once (µs/op)", prebuilt, raw, prebuilt / raw, "≤ 1.05×", prebuilt / raw <= 1.05));

    Collection<RunResult> encode = jmh(EncodeBenchmark.class);
    double encodeClient = score(encode, "clientBuildValidateEncode");
    double encodeRaw = score(encode, "rawOkHttpBody");
    rows.add(row("build + validate + encode (µs/op)", encodeClient, encodeRaw, encodeClient / encodeRaw,
        "≤ 20 µs", encodeClient <= 20));

    double[] streaming = streaming();
    rows.add(row("1 GiB upload at -Xmx64m (MB/s)", streaming[0], streaming[1], streaming[0] / streaming[1],
        "≥ 0.9×", streaming[0] / streaming[1] >= 0.9));

    rows.add(concurrency());

    System.out.println();
    System.out.printf(Locale.ROOT, "unipile-chat benchmarks, %s, %d cores, %s %s%n%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    rows.forEach(System.out::println);
  }

  private static Collection<RunResult> jmh(Class<?> benchmark) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(benchmark.getName() + "\\.")
        .forks(1)
        // The client's path (validation, Retrofit, Jackson) is far longer than OkHttp's alone, and on 2 cores the
        // JIT competes with the benchmark: at 10 s of warm-up it was still getting faster. Warm it for 30 s.
        .warmupIterations(10).warmupTime(TimeValue.seconds(3))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .shouldDoGC(true)
        .build();
    return new Runner(options).run();
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst().orElseThrow().getPrimaryResult().getScore();
  }

  /** MB/s through the client and through raw OkHttp, each in a JVM with a 64 MiB heap. */
  private static double[] streaming() throws IOException, InterruptedException {
    Path file = Files.createTempFile("unipile-bench", ".mp4");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(GIB);
    }
    try (LoopbackServer server = new LoopbackServer()) {
      // Alternated and best of three, so neither side profits from going second (warm server, warm caches) and one
      // unlucky scheduling slice on a busy 2-core machine does not decide the ratio.
      double client = 0;
      double raw = 0;
      for (int round = 0; round < 3; round++) {
        raw = Math.max(raw, upload("raw", server, file));
        client = Math.max(client, upload("client", server, file));
      }
      if (server.bytesReceived() < 6 * GIB) {
        throw new IllegalStateException("the server received " + server.bytesReceived() + " bytes, not 6 GiB");
      }
      return new double[] {client, raw};
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static double upload(String mode, LoopbackServer server, Path file) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        StreamUpload.class.getName(), mode, server.baseUrl(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(mode + " upload failed at -Xmx64m: " + out);
    }
    String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
    return Long.parseLong(parts[0]) / 1e6 / (Long.parseLong(parts[1]) / 1e9);
  }

  /**
   * 1,000 async start-chats through one client against the spec-validating mock server. The client shares a pool
   * we hold, so what stays open afterwards can be counted.
   */
  private static String concurrency() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (MockUnipileServer mock = MockUnipileServer.builder().build().start()) {
      ConnectionPool pool = new ConnectionPool();
      OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
      UnipileChatClient client = UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey("bench-key")
          .okHttpClient(shared).build();
      StartChatRequest request = SameRequest.viaClient();
      client.startChat(request); // warm: classes loaded, one connection open
      int threadsBefore = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long start = System.nanoTime();
      List<CompletableFuture<ChatStarted>> calls = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        calls.add(client.startChatAsync(request));
      }
      long ok = 0;
      for (CompletableFuture<ChatStarted> call : calls) {
        ok += call.get(5, TimeUnit.MINUTES).status() == 201 ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int peak = threads.getPeakThreadCount();
      int pooled = pool.connectionCount();
      int idle = pool.idleConnectionCount();
      client.close();
      shared.dispatcher().executorService().shutdown();
      shared.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS);
      pool.evictAll();
      boolean noLeak = idle == pooled && pool.connectionCount() == 0;
      return String.format(Locale.ROOT,
          "| %d async start-chats, one client, mock server | %d/%d ok in %.2f s (%.0f/s); threads %d before, peak %d; "
              + "%d connections pooled after, %d idle | | | all succeed, no leak | %s |",
          CONCURRENT, ok, CONCURRENT, seconds, CONCURRENT / seconds, threadsBefore, peak, pooled, idle,
          ok == CONCURRENT && noLeak ? "yes" : "no");
    }
  }

  private static String row(String name, double client, double raw, double ratio, String target, boolean met) {
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f× | %s | %s |", name, client, raw, ratio, target, met ? "yes" : "no");
  }
}
