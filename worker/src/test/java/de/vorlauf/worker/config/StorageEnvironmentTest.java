package de.vorlauf.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.timeseries.StorageSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageEnvironmentTest {

  @Test
  void defaultsWhenNothingIsSet() {
    List<String> problems = new ArrayList<>();
    assertThat(StorageEnvironment.read(Map.of(), problems)).isEqualTo(StorageSettings.defaults());
    assertThat(problems).isEmpty();
  }

  @Test
  void readsEverySetting() {
    List<String> problems = new ArrayList<>();
    StorageSettings settings =
        StorageEnvironment.read(
            Map.of(
                "VORLAUF_STORAGE_RAW_RETENTION", "P30D",
                "VORLAUF_STORAGE_ROLLUP_RETENTION", "P365D",
                "VORLAUF_STORAGE_CHUNK_INTERVAL", "PT12H",
                "VORLAUF_STORAGE_COMPRESS_AFTER", "P3D",
                "VORLAUF_STORAGE_PARTITIONS_AHEAD", "3"),
            problems);
    assertThat(problems).isEmpty();
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
    List<String> problems = new ArrayList<>();
    StorageEnvironment.read(
        Map.of("VORLAUF_STORAGE_RAW_RETENTION", "90 days", "VORLAUF_STORAGE_PARTITIONS_AHEAD", "x"),
        problems);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_STORAGE_RAW_RETENTION=90 days"))
        .anySatisfy(p -> assertThat(p).startsWith("VORLAUF_STORAGE_PARTITIONS_AHEAD=x"));
  }

  @Test
  void refusesARetentionTheStoreCannotKeep() {
    List<String> problems = new ArrayList<>();
    StorageEnvironment.read(Map.of("VORLAUF_STORAGE_RAW_RETENTION", "PT1H"), problems);
    assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("rawRetention"));
  }
}
