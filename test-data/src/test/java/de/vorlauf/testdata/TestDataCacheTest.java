package de.vorlauf.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataCacheTest {

  private static final DatasetSpec SMALL =
      new DatasetSpec(7, 2, Instant.parse("2026-01-05T00:00:00Z"), 1, Duration.ofMinutes(15));

  @TempDir Path dir;

  @Test
  void theFirstGetBuildsALaterCacheOfTheSameFolderReadsTheFileAndGetsTheSameReadings()
      throws Exception {
    Dataset built = TestDataCache.in(dir).get(SMALL);
    assertThat(built.origin()).isEqualTo(Dataset.Origin.GENERATED);
    assertThat(TestDataCache.in(dir).fileOf(SMALL)).isRegularFile();
    assertThat(TestDataCache.in(dir).get(SMALL)).isNotSameAs(built);

    Dataset read = TestDataCache.in(dir).get(SMALL);
    assertThat(read.origin()).isEqualTo(Dataset.Origin.CACHE_FILE);
    assertThat(read.key()).isEqualTo(built.key());
    assertThat(read.series()).isEqualTo(built.series());
    assertThat(read.tuples()).isEqualTo(built.tuples());
    assertThat(read.features()).isNotEmpty().isEqualTo(built.features());
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary files left").hasSize(1);
    }
  }

  @Test
  void oneCacheKeepsADatasetInMemory() {
    TestDataCache cache = TestDataCache.in(dir);
    assertThat(cache.get(SMALL)).isSameAs(cache.get(SMALL));
  }

  @Test
  void aDamagedFileIsBuiltAgain() throws Exception {
    Dataset built = TestDataCache.in(dir).get(SMALL);
    Path file = TestDataCache.in(dir).fileOf(SMALL);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    Dataset again = TestDataCache.in(dir).get(SMALL);
    assertThat(again.origin()).isEqualTo(Dataset.Origin.GENERATED);
    assertThat(again.tuples()).isEqualTo(built.tuples());
    assertThat(TestDataCache.in(dir).get(SMALL).origin()).isEqualTo(Dataset.Origin.CACHE_FILE);
  }

  @Test
  void theKeyFollowsTheParameters() {
    DatasetSpec otherSeed = new DatasetSpec(8, 2, SMALL.start(), SMALL.days(), SMALL.resolution());
    assertThat(TestDataCache.keyOf(SMALL)).isEqualTo(TestDataCache.keyOf(SMALL));
    assertThat(TestDataCache.keyOf(otherSeed)).isNotEqualTo(TestDataCache.keyOf(SMALL));
  }

  @Test
  void everyBuildingHasEverySampleOfItsSensors() {
    Dataset dataset = TestDataCache.in(dir).get(SMALL);
    // six catalogue sensors per building, seven with an indoor sensor
    long sensors = dataset.buildings().stream().mapToLong(b -> b.hasIndoorSensor() ? 7 : 6).sum();
    assertThat(dataset.series()).hasSize((int) sensors);
    assertThat(dataset.readings()).isEqualTo(sensors * SMALL.steps());
    Instant[] last = {null};
    dataset.forEachReading(
        (series, time, value, quality) -> {
          assertThat(time).isBetween(SMALL.start(), SMALL.end().minusSeconds(1));
          assertThat(quality).isZero();
          assertThat(Double.isFinite(value)).isTrue();
          last[0] = time;
        });
    assertThat(last[0]).isEqualTo(SMALL.end().minus(SMALL.resolution()));
  }

  @Test
  void specsOutsideTheSimulationsGridAreRefused() {
    Instant start = SMALL.start();
    assertThatThrownBy(() -> new DatasetSpec(1, 1, start, 1, Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DatasetSpec(1, 1, start, 1, Duration.ofMinutes(7)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DatasetSpec(1, 1, start.plusSeconds(1), 1, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
