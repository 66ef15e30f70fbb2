package de.vorlauf.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

  @Test
  void defaultsFollowThePlatformStateFolder() {
    SimulatorOptions options =
        SimulatorOptions.parse(List.of(), Map.of("VORLAUF_STATE_DIR", "/srv/vorlauf"));
    SimulatorSettings s = options.settings();
    assertThat(s.stateDir()).isEqualTo(Path.of("/srv/vorlauf/simulator"));
    assertThat(s.adminPasswordFile()).isEqualTo(Path.of("/srv/vorlauf/secrets/admin-password"));
    assertThat(s.cloudSecretFile())
        .isEqualTo(Path.of("/srv/vorlauf/secrets/vendor-sim-cloud-secret"));
    assertThat(s.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:18080/"));
    assertThat(s.mqttUrl()).isEqualTo("tcp://127.0.0.1:11883");
    assertThat(s.buildings()).isEqualTo(50);
    assertThat(s.backfill()).isEqualTo(Duration.ofDays(30));
    assertThat(s.cloudPort()).isEqualTo(18090);
    assertThat(s.cloudInstallations()).isEqualTo(5);
    assertThat(s.gateways()).isFalse();
    assertThat(options.reportFile()).isEqualTo(Path.of("/srv/vorlauf/simulator/energy-report.txt"));
  }

  @Test
  void flagsWinOverTheEnvironment() {
    SimulatorOptions options =
        SimulatorOptions.parse(
            List.of(
                "--buildings",
                "1000",
                "--backfill=PT2H",
                "--gateway-mode",
                "off",
                "--api-url",
                "none"),
            Map.of(
                "VORLAUF_SIM_BUILDINGS",
                "20",
                "VORLAUF_SIM_BACKFILL_DAYS",
                "3",
                "VORLAUF_SIM_FAULTS",
                "none"));
    SimulatorSettings s = options.settings();
    assertThat(s.buildings()).isEqualTo(1000);
    assertThat(s.backfill()).isEqualTo(Duration.ofHours(2));
    assertThat(s.gatewayMode()).isEqualTo(GatewayMode.OFF);
    assertThat(s.gateways()).isFalse();
    assertThat(s.apiUrl()).isNull();
    assertThat(s.faults()).isEqualTo("none");
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> SimulatorOptions.parse(List.of("--bulidings", "3"), Map.of()))
        .hasMessageContaining("unknown option --bulidings");
    assertThatThrownBy(() -> SimulatorOptions.parse(List.of("--buildings", "many"), Map.of()))
        .hasMessageContaining("VORLAUF_SIM_BUILDINGS=many: expected a whole number 1..100000");
    assertThatThrownBy(
            () ->
                SimulatorOptions.parse(
                    List.of("--zone", "Mars/Olympus"), Map.of("VORLAUF_SIM_SEED", "forty-two")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
    assertThatThrownBy(() -> SimulatorOptions.parse(List.of("--faults", "chaos"), Map.of()))
        .hasMessageContaining("none or demo");
  }
}
