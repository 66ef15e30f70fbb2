package de.vorlauf.domain.features;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The local days a backfill recomputes, both inclusive. The API and the workflow's plan check it
 * with the same rule, so the UI and a direct API call refuse alike.
 */
public record BackfillRange(LocalDate from, LocalDate to) {

  public BackfillRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * "Today" for {@link #refusal}: the calendar day in the zone furthest ahead (UTC+14). A range
   * ending yesterday there passes, although that day may still run where a building is: the range
   * check cannot know the buildings' zones, so the backfill checks each building-day against its
   * own zone and reports one still running as a failure with the time to try again (never half a
   * day of features). The API and the workflow's plan use the same.
   */
  public static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now.plus(Duration.ofHours(14)), ZoneOffset.UTC);
  }

  public long days() {
    return to.toEpochDay() - from.toEpochDay() + 1;
  }

  /**
   * Why the range cannot be backfilled on {@code today} with raw readings kept for {@code
   * rawRetention}; empty when it can. Only complete days, at most one year, and nothing older than
   * the raw readings (those days would come out empty and replace good features).
   */
  public Optional<String> refusal(LocalDate today, Duration rawRetention) {
    if (to.isBefore(from)) {
      return Optional.of("the range ends (" + to + ") before it starts (" + from + ")");
    }
    if (!to.isBefore(today)) {
      return Optional.of(
          "only complete days can be backfilled: the range must end before today (" + today + ")");
    }
    if (from.plusYears(1).isBefore(to.plusDays(1))) {
      return Optional.of("a backfill covers at most one year; " + from + ".." + to + " is longer");
    }
    LocalDate oldest = today.minusDays(rawRetention.toDays());
    if (from.isBefore(oldest)) {
      return Optional.of(
          "raw readings are kept "
              + rawRetention.toDays()
              + " days: the oldest day that can be backfilled is "
              + oldest
              + ", the range starts "
              + from);
    }
    return Optional.empty();
  }
}
