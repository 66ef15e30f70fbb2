package de.vorlauf.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BackfillRangeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  private static final Duration RAW = Duration.ofDays(400);

  @Test
  void aYearOfCompleteDaysWithinRetentionIsAccepted() {
    assertThat(
            new BackfillRange(LocalDate.of(2025, 12, 3), LocalDate.of(2026, 12, 2))
                .refusal(TODAY, RAW))
        .isEmpty();
  }

  @Test
  void refusesLongerThanAYearTodayAndBeyondRawRetention() {
    assertThat(
            new BackfillRange(LocalDate.of(2025, 12, 2), LocalDate.of(2026, 12, 2))
                .refusal(TODAY, RAW))
        .hasValueSatisfying(m -> assertThat(m).contains("at most one year"));
    assertThat(new BackfillRange(LocalDate.of(2026, 12, 1), TODAY).refusal(TODAY, RAW))
        .hasValueSatisfying(m -> assertThat(m).contains("complete days"));
    assertThat(
            new BackfillRange(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2))
                .refusal(TODAY, Duration.ofDays(90)))
        .contains(
            "raw readings are kept 90 days: the oldest day that can be backfilled is 2026-09-04,"
                + " the range starts 2026-08-01");
    assertThat(new BackfillRange(TODAY.minusDays(1), TODAY.minusDays(2)).refusal(TODAY, RAW))
        .hasValueSatisfying(m -> assertThat(m).contains("before it starts"));
  }

  @Test
  void todayIsTheDayInTheZoneFurthestAheadTheBuildingsOwnZoneIsCheckedPerBuildingDay() {
    assertThat(BackfillRange.today(Instant.parse("2026-12-03T09:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(BackfillRange.today(Instant.parse("2026-12-03T10:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }
}
