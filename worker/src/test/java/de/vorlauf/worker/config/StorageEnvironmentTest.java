package de.vorlauf.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageEnvironmentTest {

  @Test
  void defaultsWhenNothingIsSet() {
    EnvReader env = new EnvReader(Map.of());
    assertThat(StorageEnvironment.read(env)).isEqualTo(StorageSettings.defaults());
    assertThat(env.problems()).isEmpty();
  }

  @Test
  void readsEverySetting() {
    EnvReader env =
        new EnvReader(
            Map.of(
                "VORLAUF_STORAGE_RAW_RETENTION", "P30D",
                "VORLAUF_STORAGE_ROLLUP_RETENTION", "P365D",
                "VORLAUF_STORAGE_CHUNK_INTERVAL", "PT12H",
                "VORLAUF_STORAGE_COMPRESS_AFTER", "P3D",
                "VORLAUF_STORAGE_PARTITIONS_AHEAD", "3"));
    StorageSettings settings = StorageEnvironment.read(env);
    assertThat(env.problems()).isEmpty();
    assertThat(settings)
        .isEqualTo(
            new StorageSettings(
                Duration.ofDays(30),
                Duration.ofDays(365),
                Duration.ofHours(12),
                Duration.ofDays(3),
                3));
  }

  @Test
  void namesWhatIsWrong() {
    EnvReader env =
        new EnvReader(
            Map.of(
                "VORLAUF_STORAGE_RAW_RETENTION",
                "90 days",
                "VORLAUF_STORAGE_PARTITIONS_AHEAD",
                "x"));
    StorageEnvironment.read(env);
    assertThat(env.problems())
        .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_STORAGE_RAW_RETENTION=90 days"))
        .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_STORAGE_PARTITIONS_AHEAD=x"));
  }

  @Test
  void refusesARetentionTheStoreCannotKeep() {
    EnvReader env = new EnvReader(Map.of("VORLAUF_STORAGE_RAW_RETENTION", "PT1H"));
    StorageEnvironment.read(env);
    assertThat(env.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p).startsWith("VORLAUF_STORAGE_RAW_RETENTION=PT1H").contains("P2D"));

    EnvReader shorter =
        new EnvReader(
            Map.of(
                "VORLAUF_STORAGE_RAW_RETENTION",
                "P30D",
                "VORLAUF_STORAGE_ROLLUP_RETENTION",
                "P10D"));
    StorageEnvironment.read(shorter);
    assertThat(shorter.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("rollupRetention"));
  }
}
