package de.vorlauf.simulator.physics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The building's local hour of day. The zone offset is looked up once per offset period (until the
 * next daylight-saving transition), not every minute, because zone rules allocate.
 */
final class LocalClock {

  private final ZoneRules rules;
  private long offsetValidFrom = Long.MAX_VALUE;
  private long offsetValidUntil = Long.MIN_VALUE;
  private int offsetSeconds;

  LocalClock(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** Local hour of day in [0, 24). */
  double localHour(long epochSecond) {
    if (epochSecond < offsetValidFrom || epochSecond >= offsetValidUntil) {
      refresh(epochSecond);
    }
    return Math.floorMod(epochSecond + offsetSeconds, 86_400L) / 3600.0;
  }

  private void refresh(long epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    offsetSeconds = rules.getOffset(instant).getTotalSeconds();
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    offsetValidFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
  }
}
