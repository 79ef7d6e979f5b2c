package io.github.unipilechat.contract.pact;

/** The names the consumer pacts and the provider verification share. */
final class PactNames {
  static final String CONSUMER = "unipile-chat-java";
  static final String PROVIDER = "unipile-chats-api";

  static final String STATE_NO_CONNECTION = "the recipient is not a first-degree connection";
  static final String STATE_DISCONNECTED = "the account is disconnected";
  static final String STATE_RATE_LIMITED = "the account is rate limited";

  private PactNames() {}
}
