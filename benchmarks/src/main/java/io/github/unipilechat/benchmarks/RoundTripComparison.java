package io.github.unipilechat.benchmarks;

import io.github.unipilechat.benchmarks.RoundTripWorker.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Round trips measured pairwise: every {@link Mode} runs in its own JVM against the one loopback server, and the
 * JVMs take turns in short batches, the order rotating each round. A shared machine drifts by 10–20 % within
 * seconds; neighbouring batches see the same weather, so each round's ratio to the raw batch is a fair one, and
 * the median over rounds is what is reported. (JMH runs each benchmark in a separate stretch of time, and its
 * ratios moved by more than the target.)
 */
final class RoundTripComparison {
  /** One mode's figures: medians over the measured rounds, quartiles of its per-round ratio to raw. */
  record Result(double microsPerCall, double ratio, double ratioLow, double ratioHigh, long bytesPerCall) {}

  private record Batch(double microsPerCall, long calls, long allocatedBytes) {}

  private RoundTripComparison() {}

  static Map<Mode, Result> run(LoopbackServer server, int warmupRounds, int rounds, long batchMillis)
      throws IOException, InterruptedException {
    Map<Mode, Worker> workers = new EnumMap<>(Mode.class);
    try {
      for (Mode mode : Mode.values()) {
        workers.put(mode, Worker.start(mode, server.baseUrl()));
      }
      Mode[] modes = Mode.values();
      for (int round = 0; round < warmupRounds; round++) {
        for (Mode mode : modes) {
          workers.get(mode).batch(1000);
        }
      }
      Map<Mode, List<Batch>> batches = new EnumMap<>(Mode.class);
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < modes.length; i++) {
          Mode mode = modes[(round + i) % modes.length];
          batches.computeIfAbsent(mode, m -> new ArrayList<>()).add(workers.get(mode).batch(batchMillis));
        }
      }
      return summarize(batches, rounds);
    } finally {
      for (Worker worker : workers.values()) {
        worker.close();
      }
    }
  }

  private static Map<Mode, Result> summarize(Map<Mode, List<Batch>> batches, int rounds) {
    List<Batch> raw = batches.get(Mode.RAW);
    Map<Mode, Result> results = new EnumMap<>(Mode.class);
    batches.forEach((mode, own) -> {
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratios[round] = own.get(round).microsPerCall() / raw.get(round).microsPerCall();
      }
      long calls = own.stream().mapToLong(Batch::calls).sum();
      long bytes = own.stream().mapToLong(Batch::allocatedBytes).sum();
      results.put(mode, new Result(quantile(own.stream().mapToDouble(Batch::microsPerCall).toArray(), 0.5),
          quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), bytes / calls));
    });
    return results;
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  /** A worker JVM, driven over its stdin and stdout. */
  private static final class Worker implements AutoCloseable {
    private final Mode mode;
    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;

    private Worker(Mode mode, Process process) {
      this.mode = mode;
      this.process = process;
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Worker start(Mode mode, String baseUrl) throws IOException {
      Worker worker = new Worker(mode, ChildJvm.start(List.of(), RoundTripWorker.class, mode.name(), baseUrl));
      worker.expect("ready");
      return worker;
    }

    Batch batch(long millis) throws IOException {
      commands.println(millis);
      String[] answer = expect(null).split(" ");
      long calls = Long.parseLong(answer[0]);
      return new Batch(Long.parseLong(answer[1]) / 1e3 / calls, calls, Long.parseLong(answer[2]));
    }

    private String expect(String wanted) throws IOException {
      String line = answers.readLine();
      if (line == null || (wanted != null && !line.equals(wanted))) {
        throw new IllegalStateException(mode + " worker: expected " + (wanted == null ? "a batch" : wanted)
            + ", got " + line);
      }
      return line;
    }

    @Override
    public void close() throws InterruptedException {
      commands.println("quit");
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
