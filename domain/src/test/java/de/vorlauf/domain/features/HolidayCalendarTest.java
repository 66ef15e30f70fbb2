package de.vorlauf.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

  @Test
  void easterSundayOfKnownYears() {
    assertThat(HolidayCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(HolidayCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(HolidayCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
  }

  @Test
  void germanyKnowsItsMovableAndFixedHolidays() {
    HolidayCalendar de = HolidayCalendar.germany();
    assertThat(de.isHoliday(LocalDate.of(2026, 5, 14))).isTrue(); // Ascension
    assertThat(de.isHoliday(LocalDate.of(2026, 5, 25))).isTrue(); // Whit Monday
    assertThat(de.isHoliday(LocalDate.of(2026, 10, 3))).isTrue();
    assertThat(de.isHoliday(LocalDate.of(2026, 10, 4))).isFalse();
  }

  @Test
  void parsesOneOffDatesAndNamesBadLines() {
    HolidayCalendar calendar = HolidayCalendar.parse(List.of("# Buß- und Bettag", "2026-11-18"));
    assertThat(calendar.isHoliday(LocalDate.of(2026, 11, 18))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2027, 11, 18))).isFalse();
    assertThatThrownBy(() -> HolidayCalendar.parse(List.of("12-25", "Christmas")))
        .hasMessageContaining("line 2: 'Christmas'");
  }
}
