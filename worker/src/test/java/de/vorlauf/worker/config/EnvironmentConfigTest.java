package de.vorlauf.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentConfigTest {

  @Test
  void emptyEnvironmentGivesTheDocumentedDefaults() {
    WorkerConfig config = EnvironmentConfig.read(Map.of());

    assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/vorlauf");
    assertThat(config.dbUser()).isEqualTo("vorlauf");
    // WildFly's datasource has always sent the role name; a trusting database ignores it
    assertThat(config.dbPassword()).isEqualTo("vorlauf");
    assertThat(config.mqttUrl()).isEqualTo("tcp://127.0.0.1:11883");
    assertThat(config.mqttUser()).isNull();
    assertThat(config.temporalAddress()).isEqualTo("127.0.0.1:17233");
    assertThat(config.temporalNamespace()).isEqualTo("default");
    assertThat(config.healthPort()).isEqualTo(18081);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.clockSkewThreshold()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> env = new HashMap<>();
    env.put("VORLAUF_DB_URL", "jdbc:postgresql://db:5432/x");
    env.put("VORLAUF_DB_USER", "u");
    env.put("VORLAUF_DB_PASSWORD", "p");
    env.put("VORLAUF_MQTT_URL", "ssl://broker:8883");
    env.put("VORLAUF_MQTT_USER", "mu");
    env.put("VORLAUF_MQTT_PASSWORD", "mp");
    env.put("TEMPORAL_ADDRESS", "temporal:7233");
    env.put("TEMPORAL_NAMESPACE", "vorlauf");
    env.put("VORLAUF_WORKER_HEALTH_PORT", "0");
    env.put("VORLAUF_WORKER_SHUTDOWN_GRACE", "PT1M");
    env.put("VORLAUF_CLOCK_SKEW_THRESHOLD", "PT0.5S");
    env.put("VORLAUF_SCHEDULE_OVERRIDES", "platform-self-check:every=PT30M");
    env.put("VORLAUF_FEATURES_RETENTION", "P400D");
    env.put("VORLAUF_OPTIMIZATION_RETENTION", "P60D");

    WorkerConfig config = EnvironmentConfig.read(env);

    assertThat(config)
        .isEqualTo(
            WorkerConfig.builder()
                .dbUrl("jdbc:postgresql://db:5432/x")
                .dbUser("u")
                .dbPassword("p")
                .mqttUrl("ssl://broker:8883")
                .mqttUser("mu")
                .mqttPassword("mp")
                .temporalAddress("temporal:7233")
                .temporalNamespace("vorlauf")
                .healthPort(0)
                .shutdownGrace(Duration.ofMinutes(1))
                .clockSkewThreshold(Duration.ofMillis(500))
                .schedules(
                    ScheduleSettings.declared(
                        ScheduleOverrides.parse("platform-self-check:every=PT30M")))
                .features(
                    new de.vorlauf.worker.etl.FeaturesConfig(
                        Duration.ofDays(400),
                        de.vorlauf.domain.features.HolidayCalendar.germany(),
                        "default (Germany)"))
                .optimizationRetention(Duration.ofDays(60))
                .build());
    assertThat(config.schedules().effective().get(0).words()).isEqualTo("every 30 minutes");
  }

  @Test
  void withoutOverridesThePlatformsSchedulesAreSetUpAsDeclared() {
    assertThat(EnvironmentConfig.read(Map.of()).schedules())
        .isEqualTo(ScheduleSettings.declared(ScheduleOverrides.none()));
    assertThat(WorkerConfig.builder().build().schedules()).isEqualTo(ScheduleSettings.NONE);
  }

  @Test
  void trainingRunsInTheMainWorkerUnlessSplitOut() {
    assertThat(EnvironmentConfig.read(Map.of()).training()).isEqualTo(TrainingRole.INCLUDE);
    assertThat(TrainingRole.INCLUDE.taskQueues())
        .containsExactly("vorlauf-platform", "vorlauf-training");
    assertThat(
            EnvironmentConfig.read(Map.of("VORLAUF_WORKER_TRAINING", "exclude"))
                .training()
                .taskQueues())
        .containsExactly("vorlauf-platform");
    WorkerConfig trainer =
        EnvironmentConfig.read(
            Map.of("VORLAUF_WORKER_TRAINING", "only", "VORLAUF_INGEST_ENABLED", "false"));
    assertThat(trainer.training().taskQueues()).containsExactly("vorlauf-training");
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("VORLAUF_WORKER_TRAINING", "only")))
        .hasMessageContaining("VORLAUF_WORKER_TRAINING=only")
        .hasMessageContaining("VORLAUF_INGEST_ENABLED=false");
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("VORLAUF_WORKER_TRAINING", "sometimes")))
        .hasMessageContaining("VORLAUF_WORKER_TRAINING");
  }

  @Test
  void aBadOverrideNamesTheVariable() {
    assertThatThrownBy(
            () ->
                EnvironmentConfig.read(Map.of("VORLAUF_SCHEDULE_OVERRIDES", "self-check:every=1h")))
        .hasMessageContaining("VORLAUF_SCHEDULE_OVERRIDES");
  }

  @Test
  void passwordFileWinsAndLosesItsTrailingNewline(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("db-password"), "from-file\n");

    WorkerConfig config =
        EnvironmentConfig.read(
            Map.of("VORLAUF_DB_PASSWORD", "from-env", "VORLAUF_DB_PASSWORD_FILE", file.toString()));

    assertThat(config.dbPassword()).isEqualTo("from-file");
  }

  @Test
  void unreadablePasswordFileIsAnError(@TempDir Path dir) {
    String missing = dir.resolve("nope").toString();

    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("VORLAUF_DB_PASSWORD_FILE", missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("VORLAUF_DB_PASSWORD_FILE=" + missing)
        .hasMessageContaining("cannot read");
  }

  @Test
  void blankValuesCountAsUnset() {
    WorkerConfig config =
        EnvironmentConfig.read(Map.of("VORLAUF_WORKER_HEALTH_PORT", " ", "VORLAUF_DB_URL", ""));
    assertThat(config.healthPort()).isEqualTo(18081);
    assertThat(config.dbUrl()).isEqualTo(WorkerConfig.DEFAULT_DB_URL);
  }

  @Test
  void everyBadValueIsNamedInOneError() {
    Map<String, String> env =
        Map.of(
            "VORLAUF_DB_URL", "postgres://x",
            "VORLAUF_MQTT_URL", "mqtt://broker",
            "TEMPORAL_ADDRESS", "localhost",
            "VORLAUF_WORKER_HEALTH_PORT", "70000",
            "VORLAUF_WORKER_SHUTDOWN_GRACE", "30s",
            "VORLAUF_CLOCK_SKEW_THRESHOLD", "PT0S");

    assertThatThrownBy(() -> EnvironmentConfig.read(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(6)
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_DB_URL=postgres://x"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_MQTT_URL=mqtt://broker"))
                    .anySatisfy(p -> assertThat(p).startsWith("TEMPORAL_ADDRESS=localhost"))
                    .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_WORKER_HEALTH_PORT=70000"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("VORLAUF_WORKER_SHUTDOWN_GRACE=30s")
                                .contains("ISO-8601"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("VORLAUF_CLOCK_SKEW_THRESHOLD=PT0S")
                                .contains("positive")));
  }

  @Test
  void secretsNeverAppearInToString() {
    WorkerConfig config =
        WorkerConfig.builder().dbPassword("db-s3cret").mqttPassword("mqtt-s3cret").build();
    assertThat(config.toString()).doesNotContain("db-s3cret").doesNotContain("mqtt-s3cret");
  }
}
