package io.github.unipilechat.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.http.Timeouts;
import java.time.Duration;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** How the transport configures OkHttp: its own settings win over a shared client's. */
class TransportTest {
  private static final String API_KEY = "sk_test_transport";

  @Test
  void okHttpsSilentRetryStaysOffEvenWithASharedClientThatEnablesIt() {
    OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    HttpUrl base = HttpUrl.get("https://api8.unipile.com:13851/");
    try (Transport own = Transport.create(base, ApiKey.of(API_KEY), null, Timeouts.DEFAULTS);
        Transport sharing = Transport.create(base, ApiKey.of(API_KEY), shared, Timeouts.DEFAULTS)) {
      assertThat(own.http().retryOnConnectionFailure()).isFalse();
      assertThat(sharing.http().retryOnConnectionFailure()).isFalse();
    }
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void plainHttpSetsUpNoTlsAndHttpsKeepsIt() {
    try (Transport plain = Transport.create(HttpUrl.get("http://127.0.0.1:3114/"), ApiKey.of(API_KEY), null, Timeouts.DEFAULTS);
        Transport tls = Transport.create(HttpUrl.get("https://h/"), ApiKey.of(API_KEY), null, Timeouts.DEFAULTS)) {
      assertThat(plain.http().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
      assertThat(tls.http().connectionSpecs()).isEqualTo(new OkHttpClient().connectionSpecs());
      assertThat(tls.http().sslSocketFactory()).isNotNull();
    }
  }

  @Test
  void timeoutsReachOkHttpAndDefaultsAreSensible() {
    Timeouts t = Timeouts.DEFAULTS.withConnect(Duration.ofSeconds(3)).withRead(Duration.ofSeconds(4))
        .withWrite(Duration.ofSeconds(5)).withCall(Duration.ofSeconds(6));
    try (Transport transport = Transport.create(HttpUrl.get("https://h/"), ApiKey.of(API_KEY), null, t)) {
      assertThat(transport.http().connectTimeoutMillis()).isEqualTo(3000);
      assertThat(transport.http().readTimeoutMillis()).isEqualTo(4000);
      assertThat(transport.http().writeTimeoutMillis()).isEqualTo(5000);
      assertThat(transport.http().callTimeoutMillis()).isEqualTo(6000);
    }
    assertThat(Timeouts.DEFAULTS.connect()).isPositive();
    assertThat(Timeouts.DEFAULTS.call()).isGreaterThan(Timeouts.DEFAULTS.read());
    assertThatThrownBy(() -> Timeouts.DEFAULTS.withRead(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
