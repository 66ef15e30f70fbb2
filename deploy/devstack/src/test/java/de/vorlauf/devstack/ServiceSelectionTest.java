package de.vorlauf.devstack;

import static de.vorlauf.devstack.ServiceSelection.TemporalPlan.BUILD_CLI_THEN_DEV_SERVER;
import static de.vorlauf.devstack.ServiceSelection.TemporalPlan.CLI_DEV_SERVER;
import static de.vorlauf.devstack.ServiceSelection.TemporalPlan.EXTERNAL;
import static de.vorlauf.devstack.ServiceSelection.TemporalPlan.IN_JVM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSelectionTest {

  private static final Optional<Path> INSTALLED = Optional.of(Path.of("/usr/bin/x"));
  private static final Optional<Path> MISSING = Optional.empty();

  @Test
  void aConfiguredDatabaseUrlMeansExternalOtherwiseEmbedded() {
    assertThat(ServiceSelection.postgres("jdbc:postgresql://db/x")).isEqualTo(Origin.EXTERNAL);
    assertThat(ServiceSelection.postgres(null)).isEqualTo(Origin.EMBEDDED);
    assertThat(ServiceSelection.postgres("  ")).isEqualTo(Origin.EMBEDDED);
  }

  @Test
  void brokerIsExternalThenMosquittoThenHiveMq() {
    assertThat(ServiceSelection.broker("tcp://b:1883", BrokerKind.AUTO, INSTALLED))
        .isEqualTo(BrokerKind.EXTERNAL);
    assertThat(ServiceSelection.broker("tcp://b:1883", BrokerKind.HIVEMQ, INSTALLED))
        .isEqualTo(BrokerKind.EXTERNAL);
    assertThat(ServiceSelection.broker(null, BrokerKind.AUTO, INSTALLED))
        .isEqualTo(BrokerKind.MOSQUITTO);
    assertThat(ServiceSelection.broker(null, BrokerKind.AUTO, MISSING))
        .isEqualTo(BrokerKind.HIVEMQ);
  }

  @Test
  void aBrokerPreferenceNarrowsTheChoice() {
    assertThat(ServiceSelection.broker(null, BrokerKind.HIVEMQ, INSTALLED))
        .isEqualTo(BrokerKind.HIVEMQ);
    assertThat(ServiceSelection.broker(null, BrokerKind.MOSQUITTO, INSTALLED))
        .isEqualTo(BrokerKind.MOSQUITTO);
    assertThatThrownBy(() -> ServiceSelection.broker(null, BrokerKind.MOSQUITTO, MISSING))
        .hasMessageContaining("apt-get install mosquitto");
  }

  @Test
  void temporalIsExternalThenCliThenGoBuildThenInJvm() {
    assertThat(ServiceSelection.temporal("t:7233", TemporalKind.AUTO, INSTALLED, true))
        .isEqualTo(EXTERNAL);
    assertThat(ServiceSelection.temporal(null, TemporalKind.AUTO, INSTALLED, true))
        .isEqualTo(CLI_DEV_SERVER);
    assertThat(ServiceSelection.temporal(null, TemporalKind.AUTO, MISSING, true))
        .isEqualTo(BUILD_CLI_THEN_DEV_SERVER);
    assertThat(ServiceSelection.temporal(null, TemporalKind.AUTO, MISSING, false))
        .isEqualTo(IN_JVM);
  }

  @Test
  void aTemporalPreferenceNarrowsTheChoice() {
    assertThat(ServiceSelection.temporal(null, TemporalKind.IN_JVM, INSTALLED, true))
        .isEqualTo(IN_JVM);
    assertThat(ServiceSelection.temporal(null, TemporalKind.CLI_DEV_SERVER, MISSING, true))
        .isEqualTo(BUILD_CLI_THEN_DEV_SERVER);
    assertThatThrownBy(
            () -> ServiceSelection.temporal(null, TemporalKind.CLI_DEV_SERVER, MISSING, false))
        .hasMessageContaining("neither the temporal binary nor Go");
  }

  @Test
  void kindsParseFromEnvironmentValues() {
    assertThat(BrokerKind.parse(null)).isEqualTo(BrokerKind.AUTO);
    assertThat(BrokerKind.parse(" HiveMQ ")).isEqualTo(BrokerKind.HIVEMQ);
    assertThat(TemporalKind.parse("in-jvm")).isEqualTo(TemporalKind.IN_JVM);
    assertThat(TemporalKind.parse("cli")).isEqualTo(TemporalKind.CLI_DEV_SERVER);
    assertThatThrownBy(() -> BrokerKind.parse("emqx"))
        .hasMessageContaining("auto, mosquitto or hivemq");
    assertThatThrownBy(() -> TemporalKind.parse("cluster"))
        .hasMessageContaining("auto, cli or in-jvm");
  }
}
