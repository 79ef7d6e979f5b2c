package io.github.unipilechat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole processes of {@code ./unipile-chat}, each against the JVM start floor ({@code java -cp} of the same jar
 * printing its version) measured in the same rounds: every round runs every command once, in turn, so load on the
 * machine hits all of them alike. Medians of {@link #ROUNDS} rounds after one warm-up round.
 */
final class CliBenchmark {
  static final int ROUNDS = 7;
  private static final int PACT_FILES = 100;
  private static final long PROCESS_TIMEOUT_SECONDS = 120;

  private final Path root;
  private Path work;

  CliBenchmark(Path root) {
    this.root = root;
  }

  List<String> run() throws IOException, InterruptedException {
    work = Files.createTempDirectory("unipile-bench-cli");
    try {
      return measure();
    } finally {
      try (Stream<Path> files = Files.list(work)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(work);
    }
  }

  private List<String> measure() throws IOException, InterruptedException {
    String launcher = root.resolve("unipile-chat").toString();
    Path jar = built(root);
    Path one = work.resolve("pact-000.json");
    Files.writeString(one, FourInteractionPact.json(), StandardCharsets.UTF_8);
    List<String> hundred = new ArrayList<>(List.of(launcher, "verify-pact"));
    for (int i = 0; i < PACT_FILES; i++) {
      Path copy = work.resolve(String.format(Locale.ROOT, "pact-%03d.json", i));
      if (i > 0) {
        Files.writeString(copy, FourInteractionPact.json(i), StandardCharsets.UTF_8);
      }
      hundred.add(copy.toString());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("floor", List.of(java, "-cp", jar.toString(), "io.github.unipilechat.cli.Version"));
    commands.put("version", List.of(launcher, "--version"));
    commands.put("verify1", List.of(launcher, "verify-pact", one.toString()));
    commands.put("verify100", hundred);
    commands.put("startChat", List.of(launcher, "start-chat", "--mock", "--account-id", "acc_1", "--attendee",
        "ACoAAB1", "--text", "Hello"));
    commands.put("check", List.of(launcher, "--version"));
    Map<String, String> checkOnly = Map.of("UNIPILE_CHAT_CHECK_ONLY", "1");

    Map<String, double[]> times = new LinkedHashMap<>();
    commands.keySet().forEach(name -> times.put(name, new double[ROUNDS]));
    // Two warm-up rounds: the first warms the page cache and the jar and writes each command's CDS archive, which the
    // launcher puts in place on the second.
    for (int round = -2; round < ROUNDS; round++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        double seconds = exec(command.getValue(), command.getKey().equals("check") ? checkOnly : Map.of());
        if (round >= 0) {
          times.get(command.getKey())[round] = seconds;
        }
      }
    }
    double floor = median(times.get("floor"));
    double verify1 = median(times.get("verify1"));
    double check = median(times.get("check"));
    List<String> rows = new ArrayList<>();
    rows.add(String.format(Locale.ROOT, "| JVM start floor: java -cp <cli jar> printing its version (ms) | %.0f | | | baseline | |",
        floor * 1000));
    rows.add(ratioRow("./unipile-chat --version (ms)", times.get("version"), floor, "floor", Double.NaN));
    rows.add(ratioRow("./unipile-chat verify-pact, 1 pact file of 4 interactions (ms)", times.get("verify1"), floor,
        "floor", 2));
    rows.add(ratioRow("./unipile-chat verify-pact, " + PACT_FILES + " such files (all requests different) in one run (ms)", times.get("verify100"),
        verify1, "1 file", 2));
    rows.add(ratioRow("./unipile-chat start-chat --mock (embedded mock) (ms)", times.get("startChat"), floor, "floor", 3));
    rows.add(String.format(Locale.ROOT, "| launcher's staleness check on a built tree, bash included (ms) | %.0f | | | < 50 ms | %s |",
        check * 1000, check < 0.050 ? "yes" : "no"));
    return rows;
  }

  private static String ratioRow(String name, double[] seconds, double baseline, String baselineName, double goal) {
    double median = median(seconds);
    double ratio = median / baseline;
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f (%s) | %.2f× | %s | %s |", name, median * 1000,
        baseline * 1000, baselineName, ratio, Double.isNaN(goal) ? "not a target" : String.format(Locale.ROOT, "≤ %.0f×", goal),
        Double.isNaN(goal) ? "" : ratio <= goal ? "yes" : "no");
  }

  /** The command line's jar, built first by the launcher when it is missing or stale. */
  static Path built(Path root) throws IOException, InterruptedException {
    new CliBenchmark(root).exec(List.of(root.resolve("unipile-chat").toString(), "--version"), Map.of());
    return cliJar(root);
  }

  private static Path cliJar(Path root) throws IOException {
    return newestCliJar(root.resolve("cli/target"));
  }

  /**
   * The newest {@code unipile-chat-cli-*-all.jar} in {@code dir}, the one the launcher runs: a tree can hold several
   * (another version's build, CI's), and the first one listed could be stale.
   */
  static Path newestCliJar(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("unipile-chat-cli-.*-all\\.jar"))
          .max(Comparator.comparing(CliBenchmark::modified))
          .orElseThrow(() -> new IllegalStateException("no cli/target/unipile-chat-cli-*-all.jar after building"));
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one command to its end, its output discarded; the wall time in seconds. */
  private double exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    // The embedded mock only answers when no target or key is configured.
    Arrays.asList("UNIPILE_BASE_URL", "UNIPILE_DSN", "UNIPILE_API_KEY", "UNIPILE_CHAT_JAVA_OPTS")
        .forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not finish in " + PROCESS_TIMEOUT_SECONDS + " s: " + command.subList(0, 2));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command.subList(0, Math.min(3, command.size()))));
    }
    return seconds;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
