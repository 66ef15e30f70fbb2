package de.vorlauf.domain.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overrides of declared schedules from one configuration value, e.g. {@code
 * platform-self-check:every=PT30M;nightly-etl:cron=30 1 * * *,zone=Europe/Berlin,paused=true}.
 * Entries are separated by {@code ;}, an entry is {@code id:key=value,key=value}; keys: {@code
 * every} (ISO-8601 duration) or {@code cron} (five fields) with {@code zone}, {@code paused}
 * (true/false), {@code catchup} (ISO-8601 duration), {@code overlap} (see {@link Overlap}).
 */
public final class ScheduleOverrides {

  private static final ScheduleOverrides NONE = new ScheduleOverrides(Map.of());

  private final Map<String, ScheduleOverride> byId;

  private ScheduleOverrides(Map<String, ScheduleOverride> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static ScheduleOverrides none() {
    return NONE;
  }

  /**
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static ScheduleOverrides parse(String text) {
    Map<String, ScheduleOverride> byId = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return NONE;
    }
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("'" + entry.strip() + "' is not id:key=value,...");
      }
      String id = entry.substring(0, colon).strip();
      if (byId.containsKey(id)) {
        throw new IllegalArgumentException("schedule " + id + " is overridden twice");
      }
      byId.put(id, entry(id, entry.substring(colon + 1)));
    }
    return new ScheduleOverrides(byId);
  }

  private static ScheduleOverride entry(String id, String settings) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : settings.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(id + ": '" + pair.strip() + "' is not key=value");
      }
      values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    try {
      List<String> unknown =
          values.keySet().stream()
              .filter(
                  k ->
                      !List.of("every", "cron", "zone", "paused", "catchup", "overlap").contains(k))
              .toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown key " + unknown + " (every, cron, zone, paused, catchup, overlap)");
      }
      if (values.containsKey("every") && values.containsKey("cron")) {
        throw new IllegalArgumentException("every and cron exclude each other");
      }
      ZoneId zone = values.containsKey("zone") ? ZoneId.of(values.get("zone")) : null;
      if (zone != null && !values.containsKey("cron")) {
        throw new IllegalArgumentException("zone applies to cron only");
      }
      ScheduleTiming timing =
          values.containsKey("every")
              ? ScheduleTiming.parse("every", values.get("every"), null)
              : values.containsKey("cron")
                  ? ScheduleTiming.parse(
                      "cron",
                      values.get("cron"),
                      zone == null ? ScheduleOverride.DEFAULT_ZONE : zone)
                  : null;
      Boolean paused = values.containsKey("paused") ? bool(values.get("paused")) : null;
      Duration catchup =
          values.containsKey("catchup") ? Duration.parse(values.get("catchup")) : null;
      Overlap overlap = values.containsKey("overlap") ? Overlap.parse(values.get("overlap")) : null;
      return new ScheduleOverride(id, timing, paused, catchup, overlap);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
    }
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("paused is true or false, was " + text);
    };
  }

  public Optional<ScheduleOverride> of(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids overridden, to report those that match no declaration. */
  public java.util.Set<String> ids() {
    return byId.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScheduleOverrides that && byId.equals(that.byId);
  }

  @Override
  public int hashCode() {
    return byId.hashCode();
  }

  @Override
  public String toString() {
    return byId.keySet().toString();
  }
}
