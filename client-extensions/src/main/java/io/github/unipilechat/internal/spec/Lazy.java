package io.github.unipilechat.internal.spec;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed by the first caller that needs it and kept: what a short command never uses (a schema it never
 * checks against) costs it nothing, and concurrent first callers compute it once.
 *
 * @param <T> the value's type; never null
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> compute;
  private volatile T value;

  private Lazy(Supplier<? extends T> compute) {
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  /** The value {@code compute} gives, computed on the first {@link #get()}. */
  public static <T> Lazy<T> of(Supplier<? extends T> compute) {
    return new Lazy<>(compute);
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(compute.get(), "a lazy value");
          value = result;
        }
      }
    }
    return result;
  }
}
