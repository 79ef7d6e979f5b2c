package io.github.unipilechat.drift;

/**
 * Told of every difference found in every checked answer (not deduplicated, unlike the log), so a team can count
 * them in its own metrics. Called on the thread that read the answer (an OkHttp thread for async calls); keep it
 * quick. An exception it throws is logged and otherwise ignored: it never changes the call's result.
 */
@FunctionalInterface
public interface DriftListener {
  void onDrift(DriftFinding finding);
}
