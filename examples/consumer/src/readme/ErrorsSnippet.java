package com.example.outreach.readme;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.errors.ErrorType;
import io.github.unipilechat.errors.UnipileException;
import io.github.unipilechat.errors.UnprocessableEntityException;
import io.github.unipilechat.retry.RetryPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** README, Errors and retries. Compiled, never run: it calls the real API. */
final class ErrorsSnippet {
  private static final Logger log = LoggerFactory.getLogger(ErrorsSnippet.class);

  static void handleErrors(StartChatRequest request, StartChatRequest other, StartChatRequest third) {
    // README snippet
  }
}
