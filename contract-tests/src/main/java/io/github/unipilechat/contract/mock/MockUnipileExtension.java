package io.github.unipilechat.contract.mock;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link MockUnipileServer} on a free loopback port for a test class, with an empty journal before each
 * test. Either {@code @ExtendWith(MockUnipileExtension.class)} and take a {@code MockUnipileServer} parameter, or
 * {@code @RegisterExtension static MockUnipileExtension mock = new MockUnipileExtension();} and call
 * {@link #server()}.
 */
public final class MockUnipileExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private final MockUnipileServer.Builder builder;
  private MockUnipileServer server;

  /** A mock with the default settings, started before the test class and stopped after it. */
  public MockUnipileExtension() {
    this(MockUnipileServer.builder());
  }

  /** With a configured builder, e.g. {@code MockUnipileServer.builder().expectedApiKey("k")}. */
  public MockUnipileExtension(MockUnipileServer.Builder builder) {
    this.builder = builder;
  }

  /** The running mock server. */
  public MockUnipileServer server() {
    if (server == null) {
      throw new IllegalStateException("the mock server runs only while the test class does");
    }
    return server;
  }

  /** The started server's base URL, for the client under test. */
  public String baseUrl() {
    return server().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = builder.build().start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().journal().clear();
    server().preferByDefault(null);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockUnipileServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server();
  }
}
