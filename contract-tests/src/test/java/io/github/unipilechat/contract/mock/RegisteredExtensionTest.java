package io.github.unipilechat.contract.mock;

import static io.github.unipilechat.contract.mock.MockClient.post;
import static io.github.unipilechat.contract.mock.MockClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
  @RegisterExtension
  static final MockUnipileExtension MOCK = new MockUnipileExtension(MockUnipileServer.builder().expectedApiKey(MockClient.KEY));

  @Test
  void registeredExtensionServesTheConfiguredServer() {
    assertThat(post(MOCK.server(), valid()).status()).isEqualTo(201);
    assertThat(MOCK.baseUrl()).isEqualTo(MOCK.server().baseUrl());
  }

  @Test
  void journalStartsEmptyInEachTest(MockUnipileServer injected) {
    assertThat(injected).isSameAs(MOCK.server());
    assertThat(injected.journal().entries()).isEmpty();
  }
}
