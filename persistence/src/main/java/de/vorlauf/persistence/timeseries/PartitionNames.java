package de.vorlauf.persistence.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Names and bounds of the daily partitions of {@code readings} on plain PostgreSQL. Days are UTC
 * days: partition {@code readings_p20261126} holds {@code [2026-11-26T00:00Z, 2026-11-27T00:00Z)}.
 * The wide table of releases before the series layout ({@code sensor_readings}, renamed {@code
 * sensor_readings_wide} by V60 until its rows are moved) was partitioned the same way and keeps its
 * partition names ({@link #LEGACY_PARENT}).
 */
public final class PartitionNames {

  public static final String PARENT = "readings";

  /** The V1 wide table; only V3 (before the series layout) partitions it. */
  public static final String LEGACY_PARENT = "sensor_readings";

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private PartitionNames() {}

  public static String nameOf(LocalDate day) {
    return nameOf(PARENT, day);
  }

  public static String nameOf(String parent, LocalDate day) {
    return parent + "_p" + DAY.format(day);
  }

  /** The day a partition name stands for; empty for anything that is not one of ours. */
  public static Optional<LocalDate> dayOf(String tableName) {
    return dayOf(PARENT, tableName);
  }

  /** The day a partition of {@code parent} stands for; empty for anything else. */
  public static Optional<LocalDate> dayOf(String parent, String tableName) {
    String prefix = parent + "_p";
    if (tableName == null
        || !tableName.startsWith(prefix)
        || tableName.length() != prefix.length() + 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(tableName.substring(prefix.length()), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static LocalDate dayOf(Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }

  /** Inclusive lower bound of a day's partition. */
  public static Instant lowerBound(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Exclusive upper bound of a day's partition. */
  public static Instant upperBound(LocalDate day) {
    return lowerBound(day.plusDays(1));
  }

  public static SortedSet<LocalDate> daysOf(Collection<Instant> times) {
    // a batch spans few days: collect epoch days cheaply, build dates once per day
    java.util.Set<Long> epochDays = new java.util.HashSet<>();
    for (Instant t : times) {
      epochDays.add(Math.floorDiv(t.getEpochSecond(), 86_400L));
    }
    SortedSet<LocalDate> days = new TreeSet<>();
    epochDays.forEach(d -> days.add(LocalDate.ofEpochDay(d)));
    return days;
  }

  /** The UTC days of the rows' times; a batch spans few days, so no list of times is built. */
  public static SortedSet<LocalDate> daysOfRows(java.util.List<ReadingRow> rows) {
    SortedSet<LocalDate> days = new TreeSet<>();
    long last = Long.MIN_VALUE;
    for (ReadingRow row : rows) {
      long day = Math.floorDiv(row.time().getEpochSecond(), 86_400L);
      if (day != last) {
        last = day;
        days.add(LocalDate.ofEpochDay(day));
      }
    }
    return days;
  }

  /** {@code today} and the {@code ahead} days after it. */
  public static SortedSet<LocalDate> window(LocalDate today, int ahead) {
    SortedSet<LocalDate> days = new TreeSet<>();
    for (int i = 0; i <= ahead; i++) {
      days.add(today.plusDays(i));
    }
    return days;
  }

  /** True when every row a day's partition can hold is older than {@code now - retention}. */
  public static boolean expired(LocalDate day, Instant now, Duration retention) {
    return !upperBound(day).isAfter(now.minus(retention));
  }

  /**
   * The DDL for one day. Partition bounds cannot be bind parameters (utility statement); the
   * literals are formatted from a {@link LocalDate}, never from input, with an explicit UTC offset
   * so the session time zone cannot shift them.
   */
  static String createSql(LocalDate day) {
    return createSql(PARENT, day);
  }

  static String createSql(String parent, LocalDate day) {
    return "CREATE TABLE IF NOT EXISTS %s PARTITION OF %s FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')"
        .formatted(nameOf(parent, day), parent, day, day.plusDays(1));
  }
}
