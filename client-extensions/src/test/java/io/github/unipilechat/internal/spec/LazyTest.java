package io.github.unipilechat.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy value costs nothing until asked for, and concurrent first callers compute it once and share it. */
class LazyTest {
  @Test
  void nothingIsComputedUntilAskedFor() {
    AtomicInteger computed = new AtomicInteger();
    Lazy<String> value = Lazy.of(() -> "v" + computed.incrementAndGet());
    assertThat(computed).hasValue(0);
    assertThat(value.get()).isEqualTo("v1");
    assertThat(value.get()).isEqualTo("v1");
    assertThat(computed).hasValue(1);
  }

  @Test
  void concurrentFirstCallersComputeOnceAndShareTheValue() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    Lazy<Object> value = Lazy.of(() -> {
      computed.incrementAndGet();
      return new Object();
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return value.get();
        }));
      }
      start.countDown();
      Object first = results.get(0).get();
      for (Future<Object> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
