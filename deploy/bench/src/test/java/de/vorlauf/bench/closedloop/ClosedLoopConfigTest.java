package de.vorlauf.bench.closedloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClosedLoopConfigTest {

  private static final Path DIR = Path.of("target/cl");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void theDefaultsEndAtTheLastWholeHour() {
    ClosedLoopConfig config =
        ClosedLoopConfig.parse(new String[0], DIR, Instant.parse("2026-12-03T22:17:45Z"));
    assertThat(config.buildings()).isEqualTo(50);
    assertThat(config.days()).isEqualTo(14);
    assertThat(config.historyDays()).isEqualTo(21);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.optimizer()).isEqualTo("platform");
    assertThat(config.forecast()).isEqualTo("persistence");
    assertThat(config.end()).isEqualTo(Instant.parse("2026-12-03T22:00:00Z"));
    assertThat(config.periodStart()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z"));
    assertThat(config.historyStart()).isEqualTo(Instant.parse("2026-10-29T22:00:00Z"));
  }

  @Test
  void theSeasonOffsetPutsThePeriodsMiddleOnTheFifteenthOfJanuary() {
    for (String now :
        new String[] {"2026-12-03T22:00:00Z", "2027-07-01T10:00:00Z", "2027-01-20T00:00:00Z"}) {
      ClosedLoopConfig config =
          ClosedLoopConfig.parse(new String[] {"days=14"}, DIR, Instant.parse(now));
      Instant middle = config.periodStart().plus(Duration.ofDays(7));
      LocalDate seen =
          LocalDate.ofInstant(
              middle.plus(Duration.ofDays(config.seasonOffsetDays())), ZoneOffset.UTC);
      assertThat(seen.getMonthValue()).as(now).isEqualTo(1);
      assertThat(seen.getDayOfMonth()).as(now).isEqualTo(15);
      assertThat(Math.abs(config.seasonOffsetDays())).isLessThanOrEqualTo(183);
    }
  }

  @Test
  void theTrainingWindowEndsAtThePeriodsLocalMidnightAWeekAfterTheHistoryStarts() {
    ClosedLoopConfig config =
        ClosedLoopConfig.parse(
            new String[] {"history-days=15", "days=1"}, DIR, Instant.parse("2026-12-03T22:30:00Z"));
    assertThat(config.trainingEnd(BERLIN)).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
    assertThat(Duration.between(config.trainingStart(BERLIN), config.trainingEnd(BERLIN)))
        .isEqualTo(Duration.ofDays(7));
    assertThat(Duration.between(config.historyStart(), config.trainingStart(BERLIN)))
        .isGreaterThanOrEqualTo(Duration.ofDays(7));
  }

  @Test
  void unknownOrUnusableOptionsAreRefused() {
    Instant now = Instant.parse("2026-12-03T22:00:00Z");
    assertThatThrownBy(() -> ClosedLoopConfig.parse(new String[] {"bildings=5"}, DIR, now))
        .hasMessageContaining("bildings");
    assertThatThrownBy(() -> ClosedLoopConfig.parse(new String[] {"history-days=10"}, DIR, now))
        .hasMessageContaining("at least 15");
    assertThatThrownBy(() -> ClosedLoopConfig.parse(new String[] {"forecast=perfect"}, DIR, now))
        .hasMessageContaining("forecast");
  }
}
