package de.vorlauf.domain.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When a schedule runs: either every {@code interval} (counted from the epoch, so "every hour" is
 * on the hour) or at the times of a five-field cron expression ({@code minute hour day-of-month
 * month day-of-week}) read in {@code zone}, so "0 2 * * *" in Europe/Berlin is 02:00 local time on
 * both sides of a clock change.
 *
 * @param interval set for an interval timing, null for a calendar one
 * @param cron set for a calendar timing, null for an interval one
 * @param zone the time zone a calendar timing is read in (UTC for intervals)
 */
public record ScheduleTiming(Duration interval, String cron, ZoneId zone) {

  private static final Pattern FIELD = Pattern.compile("[0-9*/,\\-]+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");

  public ScheduleTiming {
    Objects.requireNonNull(zone, "zone");
    if ((interval == null) == (cron == null)) {
      throw new IllegalArgumentException("a timing is either an interval or a cron expression");
    }
    if (interval != null
        && (interval.isNegative() || interval.compareTo(Duration.ofMinutes(1)) < 0)) {
      throw new IllegalArgumentException("an interval must be at least PT1M, was " + interval);
    }
    if (cron != null) {
      cron = cron.strip().replaceAll("\\s+", " ");
      List<String> fields = List.of(cron.split(" "));
      if (fields.size() != 5 || !fields.stream().allMatch(f -> FIELD.matcher(f).matches())) {
        throw new IllegalArgumentException(
            "a calendar timing is a cron expression of five fields (minute hour day-of-month"
                + " month day-of-week) of digits, *, /, - and ',', was '"
                + cron
                + "'");
      }
    }
  }

  public static ScheduleTiming every(Duration interval) {
    return new ScheduleTiming(interval, null, ZoneOffset.UTC);
  }

  public static ScheduleTiming cron(String cron, ZoneId zone) {
    return new ScheduleTiming(null, cron, zone);
  }

  /** "every" (ISO-8601 duration) or "cron" (five fields); the zone applies to cron only. */
  public static ScheduleTiming parse(String kind, String value, ZoneId zone) {
    return switch (kind) {
      case "every" -> every(Duration.parse(value.strip()));
      case "cron" -> cron(value, zone == null ? ZoneOffset.UTC : zone);
      default -> throw new IllegalArgumentException("unknown timing '" + kind + "'");
    };
  }

  public boolean isInterval() {
    return interval != null;
  }

  /** The timing in words for people: "every hour", "every day at 02:00 (Europe/Berlin)". */
  public String words() {
    if (interval != null) {
      return "every " + durationWords(interval);
    }
    String[] f = cron.split(" ");
    String minute = f[0];
    String hour = f[1];
    boolean everyDay = f[2].equals("*") && f[3].equals("*");
    String zoneText = " (" + zoneName() + ")";
    if (NUMBER.matcher(minute).matches() && hour.equals("*") && everyDay && f[4].equals("*")) {
      return "every hour at :" + twoDigits(minute);
    }
    if (NUMBER.matcher(minute).matches() && NUMBER.matcher(hour).matches() && everyDay) {
      String time = twoDigits(hour) + ":" + twoDigits(minute);
      if (f[4].equals("*")) {
        return "every day at " + time + zoneText;
      }
      if (NUMBER.matcher(f[4]).matches()) {
        return "every " + dayName(Integer.parseInt(f[4])) + " at " + time + zoneText;
      }
    }
    return "at the times of cron '" + cron + "'" + zoneText;
  }

  /**
   * The timing as a cron schedule for a workflow ({@code WorkflowOptions.setCronSchedule}), the
   * fallback where the server has no Schedules. The in-JVM test server knows no {@code CRON_TZ}, so
   * a calendar timing is read in UTC there ({@link #readInUtcOnCron()} says so). Intervals that
   * divide an hour or a day have a cron; other intervals do not (IllegalStateException).
   */
  public String asCron() {
    if (cron != null) {
      return cron;
    }
    long minutes = interval.toMinutes();
    if (interval.equals(Duration.ofMinutes(minutes))) {
      if (minutes < 60 && 60 % minutes == 0) {
        return minutes == 1 ? "* * * * *" : "*/" + minutes + " * * * *";
      }
      if (minutes % 60 == 0 && minutes <= 24 * 60 && (24 * 60) % minutes == 0) {
        long hours = minutes / 60;
        return hours == 1 ? "0 * * * *" : hours == 24 ? "0 0 * * *" : "0 */" + hours + " * * *";
      }
    }
    throw new IllegalStateException(
        "every " + interval + " has no cron equivalent: use a divisor of an hour or a day");
  }

  /** A calendar timing in another zone than UTC runs at UTC times as a cron workflow. */
  public boolean readInUtcOnCron() {
    return cron != null && !zone.normalized().equals(ZoneOffset.UTC);
  }

  private String zoneName() {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  static String durationWords(Duration d) {
    if (d.equals(Duration.ofHours(1))) {
      return "hour";
    }
    if (d.equals(Duration.ofDays(1))) {
      return "day";
    }
    if (d.equals(Duration.ofMinutes(1))) {
      return "minute";
    }
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + " days";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + " hours";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + " minutes";
    }
    return seconds + " seconds";
  }

  private static String twoDigits(String number) {
    return number.length() == 1 ? "0" + number : number;
  }

  private static String dayName(int cronDay) {
    // cron counts Sunday as 0 (and 7), java.time Monday as 1
    DayOfWeek day = cronDay % 7 == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(cronDay);
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
