package de.vorlauf.domain.schedule;

import java.time.Duration;
import java.time.ZoneId;

/**
 * What configuration changes of one declared schedule ({@code VORLAUF_SCHEDULE_OVERRIDES}); null
 * fields keep the declaration's value.
 *
 * @param id the declared schedule's id
 * @param timing replaces the declared timing
 * @param paused replaces "paused by default" (applies when the schedule is created)
 * @param catchupWindow replaces the catch-up window
 * @param overlap replaces the overlap policy
 */
public record ScheduleOverride(
    String id, ScheduleTiming timing, Boolean paused, Duration catchupWindow, Overlap overlap) {

  /** Used only for the zone of a cron given without one. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
}
