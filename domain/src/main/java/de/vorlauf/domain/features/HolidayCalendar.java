package de.vorlauf.domain.features;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which local dates are public holidays for the {@code holiday} feature. Configurable: a list of
 * entries, one per line, each a fixed date every year ({@code 12-25}), one date ({@code
 * 2026-11-18}), or an offset from Easter Sunday ({@code easter+1}, {@code easter-2}); {@code #}
 * starts a comment. The default is Germany's nationwide holidays.
 */
public final class HolidayCalendar {

  private static final List<String> GERMANY =
      List.of(
          "01-01 # Neujahr",
          "easter-2 # Karfreitag",
          "easter+1 # Ostermontag",
          "05-01 # Tag der Arbeit",
          "easter+39 # Christi Himmelfahrt",
          "easter+50 # Pfingstmontag",
          "10-03 # Tag der Deutschen Einheit",
          "12-25 # 1. Weihnachtstag",
          "12-26 # 2. Weihnachtstag");

  private final Set<MonthDay> everyYear = new HashSet<>();
  private final Set<LocalDate> once = new HashSet<>();
  private final Set<Integer> easterOffsets = new HashSet<>();

  private HolidayCalendar() {}

  public static HolidayCalendar germany() {
    return parse(GERMANY);
  }

  public static HolidayCalendar none() {
    return new HolidayCalendar();
  }

  /** Parses entries as described on the class; a bad line is named with its number. */
  public static HolidayCalendar parse(List<String> lines) {
    HolidayCalendar calendar = new HolidayCalendar();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        calendar.add(entry);
      } catch (DateTimeException | NumberFormatException e) {
        problems.add(
            "line "
                + (i + 1)
                + ": '"
                + entry
                + "' is neither MM-DD, YYYY-MM-DD nor easter+N / easter-N");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("holiday calendar: " + String.join("; ", problems));
    }
    return calendar;
  }

  private void add(String entry) {
    if (entry.startsWith("easter")) {
      String offset = entry.substring("easter".length()).strip();
      easterOffsets.add(offset.isEmpty() ? 0 : Integer.parseInt(offset.replace("+", "")));
    } else if (entry.length() == 5) {
      everyYear.add(MonthDay.parse("--" + entry));
    } else {
      once.add(LocalDate.parse(entry));
    }
  }

  public boolean isHoliday(LocalDate date) {
    if (once.contains(date) || everyYear.contains(MonthDay.from(date))) {
      return true;
    }
    if (easterOffsets.isEmpty()) {
      return false;
    }
    LocalDate easter = easterSunday(date.getYear());
    return easterOffsets.contains((int) (date.toEpochDay() - easter.toEpochDay()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HolidayCalendar c
        && everyYear.equals(c.everyYear)
        && once.equals(c.once)
        && easterOffsets.equals(c.easterOffsets);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(everyYear, once, easterOffsets);
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
