package de.vorlauf.worker.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration and command line of the broker access sync. */
class BrokerAccessUnitsTest {

  @Test
  void theSyncIsOffUnlessAFolderIsConfigured() {
    assertThat(BrokerAccessConfig.read(Map.of()).enabled()).isFalse();
    assertThat(BrokerAccessConfig.read(Map.of("VORLAUF_BROKER_ACCESS_DIR", " ")).enabled())
        .isFalse();

    BrokerAccessConfig config =
        BrokerAccessConfig.read(
            Map.of(
                "VORLAUF_BROKER_ACCESS_DIR", "/state/mosquitto/access",
                "VORLAUF_BROKER_PID_FILE", "/state/mosquitto/mosquitto.pid",
                "VORLAUF_BROKER_ACCESS_INTERVAL", "PT30S"));

    assertThat(config)
        .isEqualTo(
            new BrokerAccessConfig(
                Path.of("/state/mosquitto/access"),
                null,
                Duration.ofSeconds(30),
                Path.of("/state/mosquitto/mosquitto.pid")));
  }

  @Test
  void aBadIntervalIsNamed() {
    assertThatThrownBy(
            () -> BrokerAccessConfig.read(Map.of("VORLAUF_BROKER_ACCESS_INTERVAL", "10s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("VORLAUF_BROKER_ACCESS_INTERVAL=10s");
    assertThatThrownBy(
            () -> BrokerAccessConfig.read(Map.of("VORLAUF_BROKER_ACCESS_INTERVAL", "PT0.1S")))
        .hasMessageContaining("at least PT1S");
  }

  @Test
  void theCommandNeedsAnOutputFolder() {
    assertThat(BrokerAccessCommand.Arguments.parse(List.of("--out", "/x")))
        .isEqualTo(new BrokerAccessCommand.Arguments(Path.of("/x"), null, null));
    assertThat(
            BrokerAccessCommand.Arguments.parse(
                List.of("--service-accounts", "/a", "--out", "/x", "--reload-pid-file", "/p")))
        .isEqualTo(new BrokerAccessCommand.Arguments(Path.of("/x"), Path.of("/a"), Path.of("/p")));
    for (List<String> bad : List.of(List.<String>of(), List.of("--out"), List.of("--to", "/x"))) {
      assertThatThrownBy(() -> BrokerAccessCommand.Arguments.parse(bad))
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
