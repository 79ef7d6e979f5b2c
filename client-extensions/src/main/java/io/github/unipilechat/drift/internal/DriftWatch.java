package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.DriftListener;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.UnipileException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's response check: runs it at the call's level, logs each distinct finding once for the client's
 * lifetime, tells the listener of every finding, and at {@link ResponseCheck#FAIL} turns findings into the
 * failure. Thread-safe.
 */
public final class DriftWatch {
  public static final String LOGGER = "io.github.unipilechat.drift";
  /** Distinct findings remembered per client; beyond it, new ones are no longer logged (the listener still hears). */
  static final int MAX_LOGGED = 256;
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final ResponseSpec spec;
  private final ResponseCheck level;
  private final DriftListener listener;
  private final UnaryOperator<String> scrub;
  private final Set<DriftFinding> logged = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean fullNoted = new AtomicBoolean();

  /**
   * @param spec answers to check every call against instead of its operation's own (tests), or null
   * @param level the client's level, used when a call sets none
   * @param listener may be null
   */
  public DriftWatch(ResponseSpec spec, ResponseCheck level, DriftListener listener, UnaryOperator<String> scrub) {
    this.spec = spec;
    this.level = Objects.requireNonNull(level, "level");
    this.listener = listener;
    this.scrub = Objects.requireNonNull(scrub, "scrub");
  }

  /**
   * Checks a success answer against {@code answers} (the operation's own documented answers, unless this watch was
   * built with an override).
   *
   * @param response the answer as the caller gets it
   * @param result what the caller makes of it (a {@code ChatStarted} for start-chat), named by the exception
   * @return at {@link ResponseCheck#FAIL} with findings, the exception to raise instead of returning the result
   */
  public Optional<ResponseDriftException> success(ResponseSpec answers, Optional<ResponseCheck> callLevel, int status,
      Headers headers, JsonNode body, OperationResponse response, Object result) {
    ResponseCheck effective = callLevel.orElse(level);
    if (effective == ResponseCheck.OFF) {
      return Optional.empty();
    }
    ResponseSpec checked = override(answers);
    List<DriftFinding> findings = report(checked.label(), ResponseChecker.check(checked, status,
        headers.get("Content-Type"), body, null, scrub));
    return effective == ResponseCheck.FAIL && !findings.isEmpty()
        ? Optional.of(new ResponseDriftException(findings, response, result)) : Optional.empty();
  }

  /**
   * Checks an error answer against {@code answers} (the operation's own, unless this watch was built with an
   * override); at {@link ResponseCheck#FAIL} the findings are attached to {@code exception}.
   */
  public void error(ResponseSpec answers, Optional<ResponseCheck> callLevel, int status, Headers headers, String body,
      UnipileException exception) {
    ResponseCheck effective = callLevel.orElse(level);
    if (effective == ResponseCheck.OFF) {
      return;
    }
    ResponseSpec checked = override(answers);
    List<DriftFinding> findings = report(checked.label(), ResponseChecker.check(checked, status,
        headers.get("Content-Type"), null, body, scrub));
    if (effective == ResponseCheck.FAIL && !findings.isEmpty()) {
      exception.addSuppressed(new ResponseDriftException(findings, null, null));
    }
  }

  /** A watch built with its own answers (a test's mutated copy) checks against those, whatever the call says. */
  private ResponseSpec override(ResponseSpec answers) {
    return spec == null ? answers : spec;
  }

  private List<DriftFinding> report(String operation, List<DriftFinding> findings) {
    for (DriftFinding finding : findings) {
      log(operation, finding);
      if (listener != null) {
        try {
          listener.onDrift(finding);
        } catch (RuntimeException e) {
          LOG.warn("Unipile drift listener failed: {}", e.getClass().getName());
        }
      }
    }
    return findings;
  }

  private void log(String operation, DriftFinding finding) {
    if (logged.size() >= MAX_LOGGED) {
      if (fullNoted.compareAndSet(false, true)) {
        LOG.warn("Unipile {}: more than {} distinct differences from the spec; further ones are not logged",
            operation, MAX_LOGGED);
      }
      return;
    }
    if (logged.add(finding)) {
      LOG.warn("Unipile {} answer differs from the spec: {} (logged once per client)", operation,
          scrub.apply(finding.toString()));
    }
  }
}
