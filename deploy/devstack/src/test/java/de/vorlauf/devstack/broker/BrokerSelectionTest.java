package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerSelectionTest {

  private static final Optional<Path> INSTALLED = Optional.of(Path.of("/usr/bin/x"));
  private static final Optional<Path> MISSING = Optional.empty();

  @Test
  void brokerIsExternalThenMosquittoThenHiveMq() {
    assertThat(MqttBrokerService.select("tcp://b:1883", BrokerKind.AUTO, INSTALLED))
        .isEqualTo(BrokerKind.EXTERNAL);
    assertThat(MqttBrokerService.select("tcp://b:1883", BrokerKind.HIVEMQ, INSTALLED))
        .isEqualTo(BrokerKind.EXTERNAL);
    assertThat(MqttBrokerService.select(null, BrokerKind.AUTO, INSTALLED))
        .isEqualTo(BrokerKind.MOSQUITTO);
    assertThat(MqttBrokerService.select(null, BrokerKind.AUTO, MISSING))
        .isEqualTo(BrokerKind.HIVEMQ);
  }

  @Test
  void aBrokerPreferenceNarrowsTheChoice() {
    assertThat(MqttBrokerService.select(null, BrokerKind.HIVEMQ, INSTALLED))
        .isEqualTo(BrokerKind.HIVEMQ);
    assertThat(MqttBrokerService.select(null, BrokerKind.MOSQUITTO, INSTALLED))
        .isEqualTo(BrokerKind.MOSQUITTO);
    assertThatThrownBy(() -> MqttBrokerService.select(null, BrokerKind.MOSQUITTO, MISSING))
        .hasMessageContaining("apt-get install mosquitto");
  }

  @Test
  void kindsParseFromEnvironmentValues() {
    assertThat(BrokerKind.parse(null)).isEqualTo(BrokerKind.AUTO);
    assertThat(BrokerKind.parse(" HiveMQ ")).isEqualTo(BrokerKind.HIVEMQ);
    assertThatThrownBy(() -> BrokerKind.parse("emqx"))
        .hasMessageContaining("auto, mosquitto or hivemq");
  }
}
