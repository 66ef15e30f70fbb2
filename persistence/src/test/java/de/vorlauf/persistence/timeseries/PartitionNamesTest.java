package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionNamesTest {

  @Test
  void namesADayAndParsesItBack() {
    LocalDate day = LocalDate.of(2026, 1, 5);
    assertThat(PartitionNames.nameOf(day)).isEqualTo("readings_p20260105");
    assertThat(PartitionNames.dayOf("readings_p20260105")).contains(day);
    // the wide table of the layout before V60 keeps its partitions' names
    assertThat(PartitionNames.dayOf(PartitionNames.LEGACY_PARENT, "sensor_readings_p20260105"))
        .contains(day);
    assertThat(PartitionNames.dayOf("sensor_readings_p20260105")).isEmpty();
  }

  @Test
  void ignoresTablesThatAreNotDailyPartitions() {
    assertThat(PartitionNames.dayOf("readings_p2026010")).isEmpty();
    assertThat(PartitionNames.dayOf("readings_p20261341")).isEmpty();
    assertThat(PartitionNames.dayOf("readings_staging")).isEmpty();
    assertThat(PartitionNames.dayOf((String) null)).isEmpty();
  }

  @Test
  void daysAreUtcDaysWithHalfOpenBounds() {
    LocalDate day = LocalDate.of(2026, 3, 29); // DST change in Europe: irrelevant in UTC
    assertThat(PartitionNames.lowerBound(day)).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    assertThat(PartitionNames.upperBound(day)).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    assertThat(PartitionNames.dayOf(Instant.parse("2026-03-29T23:59:59.999999Z"))).isEqualTo(day);
    assertThat(PartitionNames.dayOf(Instant.parse("2026-03-30T00:00:00Z")))
        .isEqualTo(day.plusDays(1));
  }

  @Test
  void collectsTheDistinctDaysOfABatch() {
    List<Instant> times =
        List.of(
            Instant.parse("2026-01-02T10:00:00Z"),
            Instant.parse("2025-11-01T00:00:00Z"),
            Instant.parse("2026-01-02T23:00:00Z"));
    assertThat(PartitionNames.daysOf(times))
        .containsExactly(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 2));
  }

  @Test
  void windowCoversTodayAndTheDaysAhead() {
    assertThat(PartitionNames.window(LocalDate.of(2026, 12, 30), 3))
        .containsExactly(
            LocalDate.of(2026, 12, 30),
            LocalDate.of(2026, 12, 31),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 1, 2));
  }

  @Test
  void aPartitionExpiresOnlyWhenAllItsRowsAreOlderThanRetention() {
    Instant now = Instant.parse("2026-11-26T06:00:00Z");
    Duration retention = Duration.ofDays(90); // cutoff 2026-08-28T06:00Z
    assertThat(PartitionNames.expired(LocalDate.of(2026, 8, 27), now, retention)).isTrue();
    assertThat(PartitionNames.expired(LocalDate.of(2026, 8, 28), now, retention)).isFalse();
    assertThat(
            PartitionNames.expired(
                LocalDate.of(2026, 8, 27), Instant.parse("2026-11-26T00:00:00Z"), retention))
        .isTrue();
  }

  @Test
  void ddlUsesExplicitUtcBounds() {
    assertThat(PartitionNames.createSql(LocalDate.of(2026, 2, 28)))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS readings_p20260228 PARTITION OF readings"
                + " FOR VALUES FROM ('2026-02-28 00:00:00+00') TO ('2026-03-01 00:00:00+00')");
  }
}
