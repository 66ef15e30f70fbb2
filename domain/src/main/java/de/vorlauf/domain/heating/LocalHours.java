package de.vorlauf.domain.heating;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A building's wall clock for loops over many instants (the optimiser's week of hours, the
 * simulator's minutes): the same hour of day, second of day and local date as {@code
 * instant.atZone(zone)}, with the zone's offset looked up once per stretch between two of its
 * transitions instead of once per instant. An optimisation converts about a thousand instants;
 * through {@code atZone} that was about a tenth of WildFly's CPU samples under the real-time
 * benchmark (JFR, docs/benchmarks.md), most of it in {@link ZoneRules#getOffset(Instant)}. Not
 * thread-safe: one per loop or per simulated building.
 */
public final class LocalHours {

  private static final int SECONDS_PER_DAY = 86_400;

  private final ZoneRules rules;
  private long validFrom = Long.MAX_VALUE;
  private long validUntil = Long.MIN_VALUE;
  private int offsetSeconds;

  public LocalHours(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** The local hour of day, 0..23, as {@code instant.atZone(zone).getHour()}. */
  public int hourOfDay(Instant instant) {
    return secondOfDay(instant.getEpochSecond()) / 3600;
  }

  /** The local second of day, as {@code instant.atZone(zone).toLocalTime().toSecondOfDay()}. */
  public int secondOfDay(Instant instant) {
    return secondOfDay(instant.getEpochSecond());
  }

  /** {@link #secondOfDay(Instant)} of the instant {@code epochSecond} (whole seconds). */
  public int secondOfDay(long epochSecond) {
    return (int) Math.floorMod(localSeconds(epochSecond), SECONDS_PER_DAY);
  }

  /** The local date as an epoch day, as {@code instant.atZone(zone).toLocalDate().toEpochDay()}. */
  public long epochDay(Instant instant) {
    return Math.floorDiv(localSeconds(instant.getEpochSecond()), SECONDS_PER_DAY);
  }

  private long localSeconds(long seconds) {
    if (seconds < validFrom || seconds >= validUntil) {
      // transitions fall on whole seconds: the offset of this second holds from the zone's last
      // transition at or before it until its next one (neither: a fixed offset)
      Instant second = Instant.ofEpochSecond(seconds);
      offsetSeconds = rules.getOffset(second).getTotalSeconds();
      ZoneOffsetTransition previous = rules.previousTransition(second.plusSeconds(1));
      ZoneOffsetTransition next = rules.nextTransition(second);
      validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
      validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
    return seconds + offsetSeconds;
  }
}
