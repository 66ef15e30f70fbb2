package de.vorlauf.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.domain.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {

  @TempDir Path repo;

  @Test
  void anEmptyEnvironmentGivesTheDemoDefaults() {
    LauncherConfig config = LauncherConfig.fromEnvironment(Map.of(), repo);

    assertThat(config.state().root()).isEqualTo(repo.resolve(".vorlauf"));
    assertThat(config.ports()).isEqualTo(LauncherConfig.Ports.DEMO);
    assertThat(config.ports().database()).isEqualTo(15432);
    assertThat(config.ports().wildflyOffset()).isEqualTo(10000);
    assertThat(config.externalDbUrl()).isNull();
    assertThat(config.externalMqttUrl()).isNull();
    assertThat(config.externalTemporalAddress()).isNull();
    assertThat(config.dbUser()).isEqualTo("vorlauf");
    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.broker()).isEqualTo(BrokerKind.AUTO);
    assertThat(config.temporal()).isEqualTo(TemporalKind.AUTO);
    assertThat(config.simulator()).isTrue();
    assertThat(config.ports().vendorCloud()).isEqualTo(18090);
  }

  @Test
  void theDemoFleetCanBeSwitchedOff() {
    LauncherConfig off =
        LauncherConfig.fromEnvironment(
            Map.of("VORLAUF_SIMULATOR", "off", "VORLAUF_SIM_CLOUD_PORT", "28090"), repo);

    assertThat(off.simulator()).isFalse();
    assertThat(off.ports().vendorCloud()).isEqualTo(28090);
    assertThat(LauncherConfig.forTest(repo, off.state()).simulator()).isFalse();
    assertThat(LauncherConfig.forTest(repo, off.state()).withSimulator(Map.of()).simulator())
        .isTrue();
    assertThatThrownBy(
            () -> LauncherConfig.fromEnvironment(Map.of("VORLAUF_SIMULATOR", "maybe"), repo))
        .hasMessageContaining("VORLAUF_SIMULATOR=maybe: expected true or false (also on/off");
  }

  @Test
  void environmentOverridesEveryDefault() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("VORLAUF_STATE_DIR", repo.resolve("elsewhere").toString()),
            Map.entry("VORLAUF_DB_URL", "jdbc:postgresql://db:5432/v"),
            Map.entry("VORLAUF_DB_USER", "app"),
            Map.entry("VORLAUF_DB_PASSWORD", "pw"),
            Map.entry("VORLAUF_MQTT_URL", "tcp://broker:1883"),
            Map.entry("TEMPORAL_ADDRESS", "temporal:7233"),
            Map.entry("VORLAUF_DB_PORT", "25432"),
            Map.entry("VORLAUF_WILDFLY_PORT_OFFSET", "20000"),
            Map.entry("VORLAUF_WORKER_HEALTH_PORT", "28081"),
            Map.entry("VORLAUF_MQTT_BROKER", "hivemq"),
            Map.entry("VORLAUF_TEMPORAL_SERVER", "in-jvm"));

    LauncherConfig config = LauncherConfig.fromEnvironment(env, repo);

    assertThat(config.state().root()).isEqualTo(repo.resolve("elsewhere"));
    assertThat(config.externalDbUrl()).isEqualTo("jdbc:postgresql://db:5432/v");
    assertThat(config.dbUser()).isEqualTo("app");
    assertThat(config.dbPassword()).isEqualTo("pw");
    assertThat(config.externalMqttUrl()).isEqualTo("tcp://broker:1883");
    assertThat(config.externalTemporalAddress()).isEqualTo("temporal:7233");
    assertThat(config.ports().database()).isEqualTo(25432);
    assertThat(config.ports().wildflyOffset()).isEqualTo(20000);
    assertThat(config.ports().workerHealth()).isEqualTo(28081);
    assertThat(config.broker()).isEqualTo(BrokerKind.HIVEMQ);
    assertThat(config.temporal()).isEqualTo(TemporalKind.IN_JVM);
    assertThat(config.toString()).doesNotContain("pw");
  }

  @Test
  void aPasswordFileWinsOverThePasswordValue() throws Exception {
    Path file = Files.writeString(repo.resolve("pw.txt"), "from-file\n");
    Map<String, String> env =
        Map.of("VORLAUF_DB_PASSWORD", "from-env", "VORLAUF_DB_PASSWORD_FILE", file.toString());

    assertThat(LauncherConfig.fromEnvironment(env, repo).dbPassword()).isEqualTo("from-file");
  }

  @Test
  void blankValuesCountAsUnset() {
    LauncherConfig config =
        LauncherConfig.fromEnvironment(Map.of("VORLAUF_DB_URL", " ", "TEMPORAL_ADDRESS", ""), repo);

    assertThat(config.externalDbUrl()).isNull();
    assertThat(config.externalTemporalAddress()).isNull();
  }

  @Test
  void badPortsAreRejectedWithTheVariableName() {
    assertThatThrownBy(() -> LauncherConfig.fromEnvironment(Map.of("VORLAUF_MQTT_PORT", "x"), repo))
        .hasMessageContaining("VORLAUF_MQTT_PORT=x: expected a whole number 1..65535");
    assertThatThrownBy(
            () -> LauncherConfig.fromEnvironment(Map.of("VORLAUF_DB_PORT", "70000"), repo))
        .hasMessageContaining("VORLAUF_DB_PORT=70000: expected a whole number 1..65535");
  }

  @Test
  void everyBadValueIsNamedAtOnceAndTheSharedRangesAreTheWorkers() {
    assertThatThrownBy(
            () ->
                LauncherConfig.fromEnvironment(
                    Map.of(
                        "VORLAUF_MQTT_URL", "broker:1883",
                        "TEMPORAL_ADDRESS", "temporal",
                        "VORLAUF_MQTT_BROKER", "emqx",
                        "VORLAUF_SIM_CLOUD_PORT", "-1"),
                    repo))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_MQTT_URL=broker:1883"))
                    .anySatisfy(p -> assertThat(p).startsWith("TEMPORAL_ADDRESS=temporal"))
                    .anySatisfy(p -> assertThat(p).contains("auto, mosquitto or hivemq"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_SIM_CLOUD_PORT=-1")));
  }

  @Test
  void aZeroHealthPortBecomesAFreeOne() {
    LauncherConfig config =
        LauncherConfig.fromEnvironment(Map.of("VORLAUF_WORKER_HEALTH_PORT", "0"), repo);

    assertThat(config.ports().workerHealth()).isPositive().isNotEqualTo(18081);
  }

  @Test
  void freeTestPortsDoNotCollideWithTheDemoOrEachOther() {
    LauncherConfig.Ports ports = LauncherConfig.Ports.free();

    assertThat(
            java.util.Set.of(
                ports.database(),
                ports.mqtt(),
                ports.temporal(),
                ports.temporalUi(),
                ports.workerHealth(),
                ports.vendorCloud(),
                8080 + ports.wildflyOffset()))
        .hasSize(7)
        .doesNotContain(15432, 11883, 17233, 18233, 18081, 18090, 18080)
        // below the ephemeral range, where outgoing connections take their local ports
        .allSatisfy(port -> assertThat(port).isLessThan(32768));
    // every WildFly port in this module's range: modules built beside it draw from others
    de.vorlauf.devstack.service.FreePorts.Range range =
        de.vorlauf.devstack.service.FreePorts.range();
    assertThat(java.util.Arrays.stream(LauncherConfig.Ports.WILDFLY_BASE_PORTS).boxed().toList())
        .allSatisfy(
            base ->
                assertThat(base + ports.wildflyOffset())
                    .isBetween(range.lowest(), range.highest()));
    assertThat(ports.wildflyOffset()).isBetween(10100, 22700).isNotEqualTo(10000);
    assertThat(FreePorts.find()).isNotEqualTo(8080 + ports.wildflyOffset());
  }
}
