package de.vorlauf.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestEnvironmentTest {

  @Test
  void defaultsWithoutVariables() {
    MqttIngestConfig ingest = EnvironmentConfig.read(Map.of()).ingest();
    assertThat(ingest).isEqualTo(MqttIngestConfig.defaults());
    assertThat(ingest.clientId(18081)).startsWith("vorlauf-ingest-").endsWith("-18081");
  }

  @Test
  void readsEveryVariable() {
    MqttIngestConfig ingest =
        EnvironmentConfig.read(
                Map.ofEntries(
                    Map.entry("VORLAUF_INGEST_ENABLED", "false"),
                    Map.entry("VORLAUF_MQTT_CLIENT_ID", "worker-a"),
                    Map.entry("VORLAUF_MQTT_SHARE_GROUP", "g1"),
                    Map.entry("VORLAUF_MQTT_RECEIVE_MAXIMUM", "1000"),
                    Map.entry("VORLAUF_MQTT_SESSION_EXPIRY", "PT1H"),
                    Map.entry("VORLAUF_INGEST_THREADS", "3"),
                    Map.entry("VORLAUF_INGEST_BATCH_ROWS", "2000"),
                    Map.entry("VORLAUF_INGEST_LINGER", "PT0.02S"),
                    Map.entry("VORLAUF_INGEST_QUEUE_ROWS", "40000"),
                    Map.entry("VORLAUF_INGEST_QUARANTINE_CAP", "500"),
                    Map.entry("VORLAUF_INGEST_OFFLINE_MINUTES", "15"),
                    Map.entry("VORLAUF_INGEST_LIVE_WINDOW", "PT2M")))
            .ingest();
    assertThat(ingest)
        .isEqualTo(
            new MqttIngestConfig(
                false,
                "worker-a",
                "g1",
                1000,
                Duration.ofHours(1),
                3,
                2000,
                Duration.ofMillis(20),
                40_000,
                500,
                Duration.ofMinutes(15),
                100_000,
                Duration.ofMinutes(2)));
    assertThat(ingest.clientId(1)).isEqualTo("worker-a");
  }

  @Test
  void noneMeansAPlainSubscription() {
    assertThat(MqttIngestConfig.defaults().shareGroup()).isEqualTo("vorlauf-ingest");
    assertThat(
            EnvironmentConfig.read(Map.of("VORLAUF_MQTT_SHARE_GROUP", "none"))
                .ingest()
                .shareGroup())
        .isNull();
    // blank counts as unset: the default group
    assertThat(EnvironmentConfig.read(Map.of("VORLAUF_MQTT_SHARE_GROUP", "")).ingest().shareGroup())
        .isEqualTo("vorlauf-ingest");
  }

  @Test
  void namesEveryBadValue() {
    assertThatThrownBy(
            () ->
                EnvironmentConfig.read(
                    Map.of(
                        "VORLAUF_MQTT_RECEIVE_MAXIMUM", "70000",
                        "VORLAUF_INGEST_LINGER", "soon",
                        "VORLAUF_INGEST_BATCH_ROWS", "10",
                        "VORLAUF_INGEST_QUEUE_ROWS", "5",
                        "VORLAUF_MQTT_SHARE_GROUP", "a/b")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_MQTT_RECEIVE_MAXIMUM"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_INGEST_LINGER"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_INGEST_QUEUE_ROWS"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_MQTT_SHARE_GROUP")));
  }
}
