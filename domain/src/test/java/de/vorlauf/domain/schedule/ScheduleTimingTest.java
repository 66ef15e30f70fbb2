package de.vorlauf.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleTimingTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void intervalsInWords() {
    assertThat(ScheduleTiming.every(Duration.ofHours(1)).words()).isEqualTo("every hour");
    assertThat(ScheduleTiming.every(Duration.ofMinutes(30)).words()).isEqualTo("every 30 minutes");
    assertThat(ScheduleTiming.every(Duration.ofHours(6)).words()).isEqualTo("every 6 hours");
    assertThat(ScheduleTiming.every(Duration.ofDays(7)).words()).isEqualTo("every 7 days");
    assertThat(ScheduleTiming.every(Duration.ofDays(1)).words()).isEqualTo("every day");
  }

  @Test
  void calendarsInWordsWithTheirZone() {
    assertThat(ScheduleTiming.cron("0 2 * * *", BERLIN).words())
        .isEqualTo("every day at 02:00 (Europe/Berlin)");
    assertThat(ScheduleTiming.cron("5 * * * *", BERLIN).words()).isEqualTo("every hour at :05");
    assertThat(ScheduleTiming.cron("30 3 * * 0", ZoneOffset.UTC).words())
        .isEqualTo("every Sunday at 03:30 (UTC)");
    assertThat(ScheduleTiming.cron("0 4 * * 1", BERLIN).words())
        .isEqualTo("every Monday at 04:00 (Europe/Berlin)");
    assertThat(ScheduleTiming.cron("0 */4 1 * *", BERLIN).words())
        .isEqualTo("at the times of cron '0 */4 1 * *' (Europe/Berlin)");
  }

  @Test
  void cronForTheFallback() {
    assertThat(ScheduleTiming.every(Duration.ofHours(1)).asCron()).isEqualTo("0 * * * *");
    assertThat(ScheduleTiming.every(Duration.ofMinutes(15)).asCron()).isEqualTo("*/15 * * * *");
    assertThat(ScheduleTiming.every(Duration.ofMinutes(1)).asCron()).isEqualTo("* * * * *");
    assertThat(ScheduleTiming.every(Duration.ofHours(6)).asCron()).isEqualTo("0 */6 * * *");
    assertThat(ScheduleTiming.every(Duration.ofDays(1)).asCron()).isEqualTo("0 0 * * *");
    ScheduleTiming nightly = ScheduleTiming.cron("0  2 * * *", BERLIN);
    assertThat(nightly.asCron()).isEqualTo("0 2 * * *");
    assertThat(nightly.readInUtcOnCron()).isTrue();
    assertThat(ScheduleTiming.cron("0 2 * * *", ZoneId.of("UTC")).readInUtcOnCron()).isFalse();
    assertThatThrownBy(() -> ScheduleTiming.every(Duration.ofMinutes(7)).asCron())
        .hasMessageContaining("no cron equivalent");
    assertThatThrownBy(() -> ScheduleTiming.every(Duration.ofDays(7)).asCron())
        .hasMessageContaining("no cron equivalent");
  }

  @Test
  void refusesWhatTemporalWouldNotTake() {
    assertThatThrownBy(() -> ScheduleTiming.cron("0 2 * *", BERLIN))
        .hasMessageContaining("five fields");
    assertThatThrownBy(() -> ScheduleTiming.cron("@daily x y z w", BERLIN))
        .hasMessageContaining("five fields");
    assertThatThrownBy(() -> ScheduleTiming.every(Duration.ofSeconds(10)))
        .hasMessageContaining("at least PT1M");
  }
}
