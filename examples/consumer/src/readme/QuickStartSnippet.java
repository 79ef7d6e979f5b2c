package com.example.outreach.readme;

import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;

/** README, Quick start. Compiled, never run: it calls the real API. */
final class QuickStartSnippet {
  static void quickStart() {
    // README snippet
  }
}
