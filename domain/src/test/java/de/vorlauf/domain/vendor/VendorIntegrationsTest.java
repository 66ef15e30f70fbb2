package de.vorlauf.domain.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VendorIntegrationsTest {

  private static final String CONTRACT_EXAMPLE =
      """
      integrations=sim-cloud
      sim-cloud.base-url=http://127.0.0.1:18090/
      sim-cloud.client-id=vorlauf
      sim-cloud.client-secret-file=/abs/path/secrets/vendor-sim-cloud-secret
      sim-cloud.device-id-template=vc-{installationId}
      sim-cloud.poll-interval=PT1M
      sim-cloud.initial-lookback=P30D
      sim-cloud.autostart=true
      """;

  @Test
  void readsTheContractExample() {
    VendorIntegrations integrations = VendorIntegrations.parse(props(CONTRACT_EXAMPLE));

    VendorIntegration sim = integrations.find("sim-cloud").orElseThrow();
    assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:18090");
    assertThat(sim.clientId()).isEqualTo("vorlauf");
    assertThat(sim.clientSecretFile()).isEqualTo("/abs/path/secrets/vendor-sim-cloud-secret");
    assertThat(sim.pollInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(sim.initialLookback()).isEqualTo(Duration.ofDays(30));
    assertThat(sim.requestTimeout()).isEqualTo(VendorIntegrations.DEFAULT_REQUEST_TIMEOUT);
    assertThat(sim.autostart()).isTrue();
    assertThat(sim.workflowId()).isEqualTo("vendor-polling-sim-cloud");
    assertThat(sim.deviceIdFor("4711", "7571", "0")).isEqualTo("vc-4711");
  }

  @Test
  void emptyPropertiesMeanNoIntegrations() {
    assertThat(VendorIntegrations.parse(new Properties()).isEmpty()).isTrue();
  }

  @Test
  void severalIntegrationsSortedById() {
    VendorIntegrations integrations =
        VendorIntegrations.parse(
            props(
                CONTRACT_EXAMPLE.replace("integrations=sim-cloud", "integrations=sim-cloud, b")
                    + """
                    b.base-url=https://cloud.example
                    b.client-id=x
                    b.client-secret-file=/s
                    b.poll-interval=PT30S
                    b.initial-lookback=P1D
                    """));
    assertThat(integrations.all())
        .extracting(VendorIntegration::id)
        .containsExactly("b", "sim-cloud");
    VendorIntegration b = integrations.find("b").orElseThrow();
    assertThat(b.autostart()).isFalse();
    assertThat(b.deviceIdTemplate()).isEqualTo("vc-{installationId}");
  }

  @Test
  void everyProblemNamesItsKey() {
    String bad =
        """
        integrations=sim-cloud
        sim-cloud.base-url=ftp://x
        sim-cloud.client-secret-file=relative/secret
        sim-cloud.device-id-template=all-in-one
        sim-cloud.poll-interval=1m
        sim-cloud.initial-lookback=-P1D
        sim-cloud.autostart=yes
        sim-cloud.pol-interval=PT1M
        other.base-url=http://x
        """;
    assertThatThrownBy(() -> VendorIntegrations.parse(props(bad)))
        .isInstanceOf(IntegrationConfigException.class)
        .hasMessageContaining("sim-cloud.base-url=ftp://x")
        .hasMessageContaining("sim-cloud.client-id is missing")
        .hasMessageContaining("sim-cloud.client-secret-file=relative/secret: must be an absolute")
        .hasMessageContaining("sim-cloud.device-id-template=all-in-one")
        .hasMessageContaining("sim-cloud.poll-interval=1m: expected an ISO-8601 duration")
        .hasMessageContaining("sim-cloud.initial-lookback=-P1D: must be positive")
        .hasMessageContaining("sim-cloud.autostart=yes: expected true or false")
        .hasMessageContaining("sim-cloud.pol-interval: unknown key")
        .hasMessageContaining("other.base-url: integration 'other' is not listed");
  }

  @Test
  void keysWithoutAListAreAnError() {
    assertThatThrownBy(() -> VendorIntegrations.parse(props("x.base-url=http://a\n")))
        .hasMessageContaining("integrations is missing");
  }

  @Test
  void badAndDuplicateIdsAreRefused() {
    assertThatThrownBy(() -> VendorIntegrations.parse(props("integrations=a b,c,c\n")))
        .hasMessageContaining("'a b' is not a valid integration id")
        .hasMessageContaining("'c' is listed twice");
  }

  private static Properties props(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
