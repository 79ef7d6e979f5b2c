package io.github.unipilechat.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Building one request, to the last byte of its body, without the network: validated client vs by hand. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncodeBenchmark {

  @Benchmark
  public long clientBuildValidateEncode() throws IOException {
    Buffer sink = new Buffer();
    SameRequest.clientBody(SameRequest.viaClient()).writeTo(sink);
    return sink.size();
  }

  @Benchmark
  public long rawOkHttpBody() throws IOException {
    Buffer sink = new Buffer();
    SameRequest.byHand().writeTo(sink);
    return sink.size();
  }
}
