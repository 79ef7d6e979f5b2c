package io.github.unipilechat.benchmarks;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.benchmarks.RoundTripWorker.Mode;
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
import java.util.Map;
import java.util.Set;
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
  // One 1 GiB upload lasts about a second, so a single unlucky scheduling slice moves it by 10-20 %.
  private static final int UPLOAD_ROUNDS = 5;
  private static final long WARMUP_UPLOAD = 128L << 20;
  private static final List<String> SECTIONS = List.of("round-trip", "encode", "streaming", "concurrency", "cli", "mock");
  private static final double ROUND_TRIP_TARGET = 1.05;
  // Each worker JVM warms for 30 s (the client was still speeding up after 10 s), then 60 rounds of 250 ms each.
  private static final int WARMUP_ROUNDS = 30;
  private static final int ROUNDS = 60;
  private static final long BATCH_MILLIS = 250;

  private Main() {}

  /** Runs the measurements named in {@code args} (round-trip, encode, streaming, concurrency), or all of them. */
  public static void main(String[] args) throws Exception {
    Set<String> only = Set.copyOf(List.of(args));
    for (String section : only) {
      if (!SECTIONS.contains(section)) {
        throw new IllegalArgumentException("unknown measurement '" + section + "': one of " + SECTIONS);
      }
    }
    List<String> rows = new ArrayList<>();
    rows.add("| measurement | unipile-chat | raw OkHttp | ratio | target | met |");
    rows.add("| --- | --- | --- | --- | --- | --- |");
    if (wanted(only, "round-trip")) {
      rows.addAll(roundTrip());
    }
    if (wanted(only, "encode")) {
      rows.add(encode());
    }
    if (wanted(only, "streaming")) {
      double[] streaming = streaming();
      rows.add(row("1 GiB upload at -Xmx64m (MB/s)", streaming[0], streaming[1], streaming[0] / streaming[1],
          "≥ 0.9×", streaming[0] / streaming[1] >= 0.9));
    }
    if (wanted(only, "concurrency")) {
      rows.add(concurrency());
    }
    List<String> processes = new ArrayList<>();
    String loadBefore = loadAverage();
    if (wanted(only, "cli")) {
      processes.addAll(new CliBenchmark(root()).run());
    }
    if (wanted(only, "mock")) {
      processes.addAll(new MockBenchmark(CliBenchmark.built(root())).run());
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "unipile-chat benchmarks, %s, %d cores, %s %s%n%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    if (rows.size() > 2) {
      rows.forEach(System.out::println);
    }
    if (!processes.isEmpty()) {
      System.out.printf(Locale.ROOT, "%nWhole processes (load average %s before, %s after):%n%n", loadBefore, loadAverage());
      System.out.println("| measurement | unipile-chat | baseline | ratio | target | met |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      processes.forEach(System.out::println);
    }
  }

  /** The checkout this jar was built in: benchmarks/target/the.jar, two levels up. */
  private static Path root() throws java.net.URISyntaxException {
    Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().getParent().getParent();
  }

  /** The 1, 5 and 15 minute load averages, as uptime shows them; "?" where /proc is not there. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static boolean wanted(Set<String> only, String section) {
    return only.isEmpty() || only.contains(section);
  }

  private static List<String> roundTrip() throws IOException, InterruptedException {
    Map<Mode, RoundTripComparison.Result> results;
    try (LoopbackServer server = new LoopbackServer()) {
      results = RoundTripComparison.run(server, WARMUP_ROUNDS, ROUNDS, BATCH_MILLIS);
    }
    double raw = results.get(Mode.RAW).microsPerCall();
    long rawBytes = results.get(Mode.RAW).bytesPerCall();
    long clientBytes = results.get(Mode.CLIENT).bytesPerCall();
    return List.of(
        roundTripRow("round trip, blocking, request built per call (µs/call)", results.get(Mode.CLIENT), raw, true),
        roundTripRow("round trip, blocking, request built once (µs/call)", results.get(Mode.CLIENT_PREBUILT), raw, true),
        roundTripRow("raw OkHttp after building the client's request, unsent (µs/call): building and checking it",
            results.get(Mode.RAW_AFTER_CLIENT_BUILD), raw, false),
        String.format(Locale.ROOT, "| allocated per call, request built per call (bytes) | %d | %d | %.2f× | not a target | |",
            clientBytes, rawBytes, (double) clientBytes / rawBytes));
  }

  private static String encode() throws RunnerException {
    Collection<RunResult> encode = jmh(EncodeBenchmark.class);
    double client = score(encode, "clientBuildValidateEncode");
    double raw = score(encode, "rawOkHttpBody");
    return row("build + validate + encode (µs/op)", client, raw, client / raw, "≤ 20 µs", client <= 20);
  }

  private static Collection<RunResult> jmh(Class<?> benchmark) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(benchmark.getName() + "\\.")
        .forks(1)
        // On 2 cores the JIT competes with the benchmark, and the client's longer path (Jackson trees, the schema
        // check) was still getting faster after 10 s of warm-up. Warm it for 30 s.
        .warmupIterations(10).warmupTime(TimeValue.seconds(3))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .shouldDoGC(true)
        .build();
    return new Runner(options).run();
  }

  private static String roundTripRow(String name, RoundTripComparison.Result result, double raw, boolean isTarget) {
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f× (quartiles %.2f–%.2f) | %s | %s |", name,
        result.microsPerCall(), raw, result.ratio(), result.ratioLow(), result.ratioHigh(),
        isTarget ? String.format(Locale.ROOT, "≤ %.2f×", ROUND_TRIP_TARGET) : "not a target",
        isTarget ? (result.ratio() <= ROUND_TRIP_TARGET ? "yes" : "no") : "");
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst().orElseThrow().getPrimaryResult().getScore();
  }

  /** MB/s through the client and through raw OkHttp, each in a JVM with a 64 MiB heap. */
  private static double[] streaming() throws IOException, InterruptedException {
    Path file = sparseFile(GIB);
    Path warmup = sparseFile(WARMUP_UPLOAD);
    try (LoopbackServer server = new LoopbackServer()) {
      // Alternated and best of five, so neither side profits from going second (warm server, warm caches) and one
      // unlucky scheduling slice on a busy 2-core machine does not decide the ratio.
      double client = 0;
      double raw = 0;
      for (int round = 0; round < UPLOAD_ROUNDS; round++) {
        raw = Math.max(raw, upload("raw", server, file, warmup));
        client = Math.max(client, upload("client", server, file, warmup));
      }
      if (server.bytesReceived() < 2L * UPLOAD_ROUNDS * GIB) {
        throw new IllegalStateException("the server received " + server.bytesReceived() + " bytes, not "
            + 2 * UPLOAD_ROUNDS + " GiB");
      }
      return new double[] {client, raw};
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(warmup);
    }
  }

  private static Path sparseFile(long size) throws IOException {
    Path file = Files.createTempFile("unipile-bench", ".mp4");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(size);
    }
    return file;
  }

  private static double upload(String mode, LoopbackServer server, Path file, Path warmup)
      throws IOException, InterruptedException {
    Process process = ChildJvm.start(List.of("-Xmx64m"), StreamUpload.class, mode, server.baseUrl(), file.toString(),
        warmup.toString());
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
