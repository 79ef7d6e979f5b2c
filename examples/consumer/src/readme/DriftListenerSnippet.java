package com.example.outreach.readme;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.drift.DriftFinding;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** README, Response check (drift). Compiled, never run: it calls the real API. */
final class DriftListenerSnippet {
  private static final Logger log = LoggerFactory.getLogger(DriftListenerSnippet.class);

  static void countDrift(String dsn, String key, StartChatRequest request) {
    // README snippet
  }
}
