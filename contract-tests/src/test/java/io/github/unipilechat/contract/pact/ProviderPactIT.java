package io.github.unipilechat.contract.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provider side: Pact JVM replays every interaction of the pacts the consumer tests wrote against
 * {@link MockUnipileServer}, and checks its answers. The mock validates each replayed request with the
 * project's SpecValidator (a request the spec refuses gets a 400 and fails here), so the consumer's pacts, the
 * mock and the spec must all agree. Provider states set the answer the real client cannot ask for: the mock's
 * {@link MockUnipileServer#preferByDefault(String)} (reset before every interaction by the extension).
 */
@Provider(PactNames.PROVIDER)
@PactFolder("target/pacts")
class ProviderPactIT {
  @RegisterExtension
  static final MockUnipileExtension MOCK = new MockUnipileExtension();

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", MOCK.server().port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void replayInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(PactNames.STATE_NO_CONNECTION)
  void recipientIsNotAConnection() {
    MOCK.server().preferByDefault("code=422, type=errors/no_connection_with_recipient");
  }

  @State(PactNames.STATE_DISCONNECTED)
  void accountIsDisconnected() {
    MOCK.server().preferByDefault("code=401, type=errors/disconnected_account");
  }

  @State(PactNames.STATE_RATE_LIMITED)
  void accountIsRateLimited() {
    MOCK.server().preferByDefault("code=429, type=errors/too_many_requests");
  }
}
