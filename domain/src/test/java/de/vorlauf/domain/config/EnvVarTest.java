package de.vorlauf.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvVarTest {

  @Test
  void aBadValueIsNamedWithItsValueAndRangeAndTheDefaultIsUsed() {
    EnvReader env = new EnvReader(Map.of("VORLAUF_INGEST_QUEUE_ROWS", "5"));

    assertThat(env.get(IngestVars.QUEUE_ROWS)).isEqualTo(100_000);
    assertThat(env.problems())
        .containsExactly("VORLAUF_INGEST_QUEUE_ROWS=5: expected a whole number 1000..10000000");
    assertThatThrownBy(env::throwIfInvalid)
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(1))
        .hasMessageContaining("VORLAUF_INGEST_QUEUE_ROWS=5");
  }

  @Test
  void blankCountsAsUnsetAndValuesAreStripped() {
    EnvReader env = new EnvReader(Map.of("VORLAUF_DB_USER", "  ", "VORLAUF_INGEST_THREADS", " 3 "));

    assertThat(env.get(DatabaseVars.USER)).isEqualTo("vorlauf");
    assertThat(env.isSet(DatabaseVars.USER)).isFalse();
    assertThat(env.get(IngestVars.THREADS)).isEqualTo(3);
    assertThat(env.problems()).isEmpty();
  }

  @Test
  void secretsAreTakenAsTheyAreAndOnlyEmptyMeansUnset() {
    EnvReader env = new EnvReader(Map.of("VORLAUF_DB_PASSWORD", " s3cret"));
    assertThat(env.get(DatabaseVars.PASSWORD)).isEqualTo(" s3cret");
    assertThat(new EnvReader(Map.of("VORLAUF_DB_PASSWORD", "")).get(DatabaseVars.PASSWORD))
        .isEqualTo("vorlauf");
    assertThat(DatabaseVars.PASSWORD.secret()).isTrue();
  }

  @Test
  void durationsAreIsoAndBounded() {
    assertThat(StorageVars.RAW_RETENTION.parse("P30D")).isEqualTo(Duration.ofDays(30));
    assertThatThrownBy(() -> StorageVars.RAW_RETENTION.parse("PT1H"))
        .hasMessage(
            "VORLAUF_STORAGE_RAW_RETENTION=PT1H: expected an ISO-8601 duration of at least P2D");
    assertThatThrownBy(() -> IngestVars.LINGER.parse("PT0S"))
        .hasMessageStartingWith("VORLAUF_INGEST_LINGER=PT0S: expected a positive");
    assertThatThrownBy(() -> WorkerVars.SHUTDOWN_GRACE.parse("30s"))
        .hasMessageContaining("ISO-8601");
    assertThat(WorkerVars.SHUTDOWN_GRACE.parse("PT0S")).isZero();
  }

  @Test
  void urlsNeedTheirSchemeHostAndWherePortsMatterAPort() {
    assertThat(MqttVars.URL.parse("ssl://broker.example:8883"))
        .isEqualTo("ssl://broker.example:8883");
    assertThat(MqttVars.URL.parse("tcp://[::1]:1883")).isEqualTo("tcp://[::1]:1883");
    assertThatThrownBy(() -> MqttVars.URL.parse("mqtt://broker:1883"))
        .hasMessageContaining("tcp, ssl");
    assertThatThrownBy(() -> MqttVars.URL.parse("tcp://broker")).hasMessageContaining("port");
    assertThatThrownBy(() -> MqttVars.URL.parse("tcp://broker:70000"))
        .hasMessageStartingWith("VORLAUF_MQTT_URL=tcp://broker:70000");
    assertThatThrownBy(() -> MqttVars.URL.parse("11883"))
        .hasMessageStartingWith("VORLAUF_MQTT_URL");
    assertThat(WorkerVars.HEALTH_URL.parse("http://worker/health"))
        .isEqualTo("http://worker/health");
    assertThat(SimulatorVars.API_URL.parse("NONE")).isEqualTo("none");
    assertThatThrownBy(() -> SimulatorVars.API_URL.parse("ftp://x"))
        .hasMessage("VORLAUF_API_URL=ftp://x: expected an http or https URL, or none");
  }

  @Test
  void hostPortChoicesFlagsAndPaths() {
    assertThat(TemporalVars.ADDRESS.parse("temporal:7233")).isEqualTo("temporal:7233");
    assertThatThrownBy(() -> TemporalVars.ADDRESS.parse("temporal"))
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> TemporalVars.ADDRESS.parse("host:99999"))
        .hasMessageStartingWith("TEMPORAL_ADDRESS=host:99999");
    assertThat(MqttVars.BROKER.parse("HiveMQ")).isEqualTo("hivemq");
    assertThatThrownBy(() -> MqttVars.BROKER.parse("emqx"))
        .hasMessage("VORLAUF_MQTT_BROKER=emqx: expected auto, mosquitto or hivemq");
    assertThat(LauncherVars.SIMULATOR_ON.parse("off")).isFalse();
    assertThat(IngestVars.ENABLED.parse("TRUE")).isTrue();
    assertThatThrownBy(() -> LauncherVars.SIMULATOR_ON.parse("maybe"))
        .hasMessageContaining("VORLAUF_SIMULATOR=maybe");
    assertThat(BrokerAccessVars.DIR.parse("/tmp/x")).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void aDefaultOutsideTheRangeIsADeclarationError() {
    assertThatThrownBy(() -> EnvVar.integer("X", 1, 10).byDefault("11"))
        .hasMessage("X=11: expected a whole number 1..10");
  }

  @Test
  void theBackfillDurationWinsOverTheDays() {
    assertThat(SimulatorVars.backfill(new EnvReader(Map.of()))).isEqualTo(Duration.ofDays(30));
    assertThat(
            SimulatorVars.backfill(
                new EnvReader(
                    Map.of("VORLAUF_SIM_BACKFILL_DAYS", "3", "VORLAUF_SIM_BACKFILL", "PT2H"))))
        .isEqualTo(Duration.ofHours(2));
    assertThat(SimulatorVars.backfill(new EnvReader(Map.of("VORLAUF_SIM_BACKFILL_DAYS", "3"))))
        .isEqualTo(Duration.ofDays(3));
  }

  @Test
  void aSecretFileWinsAndLosesOnlyItsTrailingLineBreaks() {
    Map<String, String> both =
        Map.of("VORLAUF_DB_PASSWORD", "value", "VORLAUF_DB_PASSWORD_FILE", "/run/secrets/db");
    EnvReader env = new EnvReader(both);
    assertThat(env.secret(DatabaseVars.PASSWORD, DatabaseVars.PASSWORD_FILE, file -> " pw \r\n\n"))
        .isEqualTo(" pw ");
    assertThat(
            new EnvReader(Map.of("VORLAUF_DB_PASSWORD", "value"))
                .secret(DatabaseVars.PASSWORD, DatabaseVars.PASSWORD_FILE, file -> "unused"))
        .isEqualTo("value");
    EnvReader unreadable = new EnvReader(both);
    assertThat(
            unreadable.secret(
                DatabaseVars.PASSWORD,
                DatabaseVars.PASSWORD_FILE,
                file -> {
                  throw new java.io.IOException("gone");
                }))
        .isNull();
    assertThat(unreadable.problems())
        .containsExactly(
            "VORLAUF_DB_PASSWORD_FILE=/run/secrets/db: cannot read the file (IOException)");
  }

  @Test
  void defaultPortsAreTheDeclaredDefaults() {
    assertThat(DatabaseVars.URL.defaultValue())
        .isEqualTo("jdbc:postgresql://127.0.0.1:15432/vorlauf");
    assertThat(MqttVars.URL.defaultValue()).isEqualTo("tcp://127.0.0.1:11883");
    assertThat(TemporalVars.ADDRESS.defaultValue()).isEqualTo("127.0.0.1:17233");
    assertThat(WorkerVars.HEALTH_URL.defaultValue()).isEqualTo("http://127.0.0.1:18081/health");
    assertThat(SimulatorVars.API_URL.defaultValue()).isEqualTo("http://127.0.0.1:18080");
    assertThat(DefaultPorts.WILDFLY_MANAGEMENT).isEqualTo(19990);
  }
}
