package de.vorlauf.domain.heating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class NightSetbackTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Minutes the setback is active between local noon of {@code day} and local noon after it. */
  private static long activeMinutes(NightSetback setback, LocalDate day) {
    Instant from = ZonedDateTime.of(day, LocalTime.NOON, BERLIN).toInstant();
    Instant to = ZonedDateTime.of(day.plusDays(1), LocalTime.NOON, BERLIN).toInstant();
    long minutes = 0;
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
      if (setback.activeAt(t, BERLIN)) {
        minutes++;
      }
    }
    return minutes;
  }

  @Test
  void theWindowRunsAcrossMidnight() {
    NightSetback setback = NightSetback.DEFAULT;
    assertThat(setback.activeAt(LocalTime.of(21, 59))).isFalse();
    assertThat(setback.activeAt(LocalTime.of(22, 0))).isTrue();
    assertThat(setback.activeAt(LocalTime.MIDNIGHT)).isTrue();
    assertThat(setback.activeAt(LocalTime.of(5, 59, 59))).isTrue();
    assertThat(setback.activeAt(LocalTime.of(6, 0))).isFalse();
    assertThat(setback.activeAt(LocalTime.NOON)).isFalse();
    assertThat(activeMinutes(setback, LocalDate.of(2026, 1, 12))).isEqualTo(8 * 60);
  }

  @Test
  void aWindowWithinOneDayAndAnEmptyOne() {
    NightSetback early = new NightSetback(true, 1, 5, 3.0);
    assertThat(early.activeAtLocalHour(0.5)).isFalse();
    assertThat(early.activeAtLocalHour(1.0)).isTrue();
    assertThat(early.activeAtLocalHour(4.99)).isTrue();
    assertThat(early.activeAtLocalHour(5.0)).isFalse();
    assertThat(new NightSetback(true, 22, 22, 3.0).activeAtLocalHour(22.5)).isFalse();
    assertThat(NightSetback.disabled().activeAtLocalHour(23)).isFalse();
    assertThat(NightSetback.disabled().roomShiftK(true)).isZero();
  }

  @Test
  void theSpringForwardNightIsAnHourShorter() {
    // Europe/Berlin, 29 March 2026: 02:00 CET → 03:00 CEST
    assertThat(activeMinutes(NightSetback.DEFAULT, LocalDate.of(2026, 3, 28))).isEqualTo(7 * 60);
    // the skipped hour never occurs, so a window of exactly that hour stays closed
    assertThat(activeMinutes(new NightSetback(true, 2, 3, 3.0), LocalDate.of(2026, 3, 28)))
        .isZero();
    // 01:30 CET is inside 1 → 4, and so is 03:10 CEST, one real hour and 40 minutes later
    NightSetback oneToFour = new NightSetback(true, 1, 4, 3.0);
    assertThat(oneToFour.activeAt(Instant.parse("2026-03-29T00:30:00Z"), BERLIN)).isTrue();
    assertThat(oneToFour.activeAt(Instant.parse("2026-03-29T01:10:00Z"), BERLIN)).isTrue();
    assertThat(oneToFour.activeAt(Instant.parse("2026-03-29T02:00:00Z"), BERLIN)).isFalse();
    assertThat(activeMinutes(oneToFour, LocalDate.of(2026, 3, 28))).isEqualTo(2 * 60);
  }

  @Test
  void theFallBackNightIsAnHourLonger() {
    // Europe/Berlin, 25 October 2026: 03:00 CEST → 02:00 CET, 02:00–03:00 happens twice
    assertThat(activeMinutes(NightSetback.DEFAULT, LocalDate.of(2026, 10, 24))).isEqualTo(9 * 60);
    assertThat(activeMinutes(new NightSetback(true, 2, 3, 3.0), LocalDate.of(2026, 10, 24)))
        .isEqualTo(2 * 60);
    // a window ending as the repeated hour starts does not see it again
    assertThat(activeMinutes(new NightSetback(true, 0, 2, 3.0), LocalDate.of(2026, 10, 24)))
        .isEqualTo(2 * 60);
    assertThat(NightSetback.DEFAULT.activeAt(Instant.parse("2026-10-25T00:30:00Z"), BERLIN))
        .isTrue(); // 02:30 CEST
    assertThat(NightSetback.DEFAULT.activeAt(Instant.parse("2026-10-25T01:30:00Z"), BERLIN))
        .isTrue(); // 02:30 CET
  }

  @Test
  void theReductionIsARoomTemperatureReduction() {
    assertThat(NightSetback.DEFAULT.roomShiftK(true)).isEqualTo(-3.0);
    assertThat(NightSetback.DEFAULT.roomShiftK(false)).isZero();
  }

  @Test
  void impossibleSetbacksAreRefused() {
    assertThatThrownBy(() -> new NightSetback(true, 24, 6, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NightSetback(true, 22, 6, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
