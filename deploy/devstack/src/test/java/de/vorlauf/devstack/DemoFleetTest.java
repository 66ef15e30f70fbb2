package de.vorlauf.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFleetTest {

  @TempDir Path tmp;

  @Test
  void theIntegrationLooksBackAsFarAsTheSimulatorBackfills() {
    assertThat(DemoFleet.lookback(Map.of(), Map.of())).isEqualTo(Duration.ofHours(30 * 24 + 1));
    assertThat(DemoFleet.lookback(Map.of(), Map.of("VORLAUF_SIM_BACKFILL_DAYS", "2")))
        .isEqualTo(Duration.ofHours(49));
    assertThat(
            DemoFleet.lookback(
                Map.of("VORLAUF_SIM_BACKFILL", "PT3H"), Map.of("VORLAUF_SIM_BACKFILL_DAYS", "2")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(DemoFleet.lookback(Map.of("VORLAUF_SIM_BACKFILL_DAYS", "x"), Map.of()))
        .isEqualTo(Duration.ofHours(30 * 24 + 1));
  }

  @Test
  void writesTheIntegrationAndASecretOnlyOnce() throws Exception {
    StateDir state = new StateDir(tmp.resolve("state")).create();
    int port = FreePorts.find();

    DemoFleet.prepare(state, port, Duration.ofHours(4));
    String secret = Files.readString(state.secret("vendor-sim-cloud-secret"));
    DemoFleet fleet = DemoFleet.prepare(state, port, Duration.ofHours(4));

    assertThat(Files.readString(state.secret("vendor-sim-cloud-secret"))).isEqualTo(secret);
    Properties file = new Properties();
    try (FileReader reader =
        new FileReader(fleet.integrationEnv().get("VORLAUF_VENDOR_INTEGRATIONS_FILE"))) {
      file.load(reader);
    }
    assertThat(file.getProperty("integrations")).isEqualTo("sim-cloud");
    assertThat(file.getProperty("sim-cloud.base-url")).isEqualTo("http://127.0.0.1:" + port);
    assertThat(file.getProperty("sim-cloud.client-secret-file"))
        .isEqualTo(state.secret("vendor-sim-cloud-secret").toAbsolutePath().toString());
    assertThat(file.getProperty("sim-cloud.initial-lookback")).isEqualTo("PT4H");
    assertThat(file.getProperty("sim-cloud.autostart")).isEqualTo("true");
    assertThat(Files.readString(state.root().resolve("vendor-integrations.properties")))
        .doesNotContain(secret);
  }
}
