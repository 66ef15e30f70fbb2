package de.vorlauf.webadmin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.config.ConfigException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

  @Test
  void emptyEnvironmentGivesTheDemoDefaults() {
    AdminConfig config = AdminConfig.fromEnvironment(Map.of());

    assertThat(config.mqttUrl()).isEqualTo(URI.create("tcp://127.0.0.1:11883"));
    assertThat(config.mqttAuthenticated()).isFalse();
    assertThat(config.temporalAddress()).isEqualTo("127.0.0.1:17233");
    assertThat(config.temporalNamespace()).isEqualTo("default");
    assertThat(config.temporalUiUrl()).isEmpty();
    assertThat(config.workerHealthUrl()).isEqualTo(URI.create("http://127.0.0.1:18081/health"));
    assertThat(config.origins().labels()).isEmpty();
  }

  @Test
  void readsEveryVariable() {
    AdminConfig config =
        AdminConfig.fromEnvironment(
            Map.of(
                "VORLAUF_MQTT_URL", "tcp://broker:1883",
                "VORLAUF_MQTT_USER", "ops",
                "VORLAUF_MQTT_PASSWORD", "s3cret",
                "TEMPORAL_ADDRESS", "temporal:7233",
                "TEMPORAL_NAMESPACE", "vorlauf",
                "VORLAUF_TEMPORAL_UI_URL", "http://127.0.0.1:18233",
                "VORLAUF_WORKER_HEALTH_URL", "http://worker:9000/health",
                "VORLAUF_SERVICE_ORIGINS", "temporal=Temporal CLI dev server"));

    assertThat(config.mqttUrl()).isEqualTo(URI.create("tcp://broker:1883"));
    assertThat(config.mqttUser()).isEqualTo("ops");
    assertThat(config.mqttPassword()).isEqualTo("s3cret");
    assertThat(config.temporalAddress()).isEqualTo("temporal:7233");
    assertThat(config.temporalNamespace()).isEqualTo("vorlauf");
    assertThat(config.temporalUiUrl()).contains(URI.create("http://127.0.0.1:18233"));
    assertThat(config.workerHealthUrl()).isEqualTo(URI.create("http://worker:9000/health"));
    assertThat(config.origins().labelOf("temporal")).contains("Temporal CLI dev server");
  }

  @Test
  void blankValuesCountAsUnset() {
    AdminConfig config =
        AdminConfig.fromEnvironment(
            Map.of(
                "TEMPORAL_NAMESPACE",
                "  ",
                "VORLAUF_TEMPORAL_UI_URL",
                "",
                "VORLAUF_MQTT_USER",
                " "));

    assertThat(config.temporalNamespace()).isEqualTo("default");
    assertThat(config.temporalUiUrl()).isEmpty();
    assertThat(config.mqttAuthenticated()).isFalse();
  }

  @Test
  void rejectsAnAddressWithoutPortAndNamesTheVariable() {
    assertThatThrownBy(() -> AdminConfig.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "temporal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TEMPORAL_ADDRESS=temporal")
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> AdminConfig.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "host:99999")))
        .hasMessageContaining("TEMPORAL_ADDRESS");
  }

  @Test
  void rejectsAUrlWithoutHostAndNamesTheVariable() {
    assertThatThrownBy(() -> AdminConfig.fromEnvironment(Map.of("VORLAUF_MQTT_URL", "11883")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VORLAUF_MQTT_URL");
  }

  @Test
  void namesEveryBadValueAtOnce() {
    assertThatThrownBy(
            () ->
                AdminConfig.fromEnvironment(
                    Map.of(
                        "VORLAUF_MQTT_URL", "mqtt://broker",
                        "VORLAUF_WORKER_HEALTH_URL", "worker:18081")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_MQTT_URL=mqtt://broker"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("VORLAUF_WORKER_HEALTH_URL=worker:18081")));
  }

  @Test
  void neverPrintsTheMqttPassword() {
    AdminConfig config =
        AdminConfig.fromEnvironment(
            Map.of("VORLAUF_MQTT_USER", "ops", "VORLAUF_MQTT_PASSWORD", "s3cret"));

    assertThat(config.toString()).doesNotContain("s3cret").contains("****").contains("ops");
  }
}
