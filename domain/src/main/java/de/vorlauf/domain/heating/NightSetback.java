package de.vorlauf.domain.heating;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The night setback of a building: while the building's local wall clock shows an hour in {@code
 * [startHour, endHour)}, the room setpoint is lowered by {@code roomReductionK}. The window may run
 * across midnight (22 → 6); equal hours mean an empty window.
 *
 * <p>The reduction is a <b>room-temperature</b> reduction in kelvin, as in the source document's
 * {@code BuildingConfig} ({@code night_setback_reduction = 3.0 °C}) and the registry's {@code
 * nightSetbackReduction}. The flow temperature falls by {@code (1 + slope) · roomReductionK}: see
 * {@link HeatingCurve}, which does that conversion.
 *
 * <p>The window is wall-clock time, as a controller in the building keeps it: on the spring-forward
 * day a 22 → 6 night lasts 7 hours, on the fall-back day 9; an hour that occurs twice counts twice
 * when it is inside the window, an hour that is skipped does not occur.
 *
 * @param enabled false: never active, whatever the hours say
 * @param startHour local hour 0..23 the setback begins
 * @param endHour local hour 0..23 it ends (exclusive)
 * @param roomReductionK kelvin the room setpoint is lowered by, not negative
 */
public record NightSetback(boolean enabled, int startHour, int endHour, double roomReductionK) {

  /** The source document's defaults: 22:00 to 06:00, 3 K. */
  public static final NightSetback DEFAULT = new NightSetback(true, 22, 6, 3.0);

  public NightSetback {
    if (startHour < 0 || startHour > 23 || endHour < 0 || endHour > 23) {
      throw new IllegalArgumentException(
          "setback hours must be within 0..23: " + startHour + ", " + endHour);
    }
    if (!(Double.isFinite(roomReductionK) && roomReductionK >= 0)) {
      throw new IllegalArgumentException(
          "setback reduction must be a number of kelvin, not negative: " + roomReductionK);
    }
  }

  /** A switched-off setback that keeps the default hours and reduction for when it is enabled. */
  public static NightSetback disabled() {
    return new NightSetback(false, DEFAULT.startHour, DEFAULT.endHour, DEFAULT.roomReductionK);
  }

  public boolean activeAt(Instant at, ZoneId zone) {
    return activeAt(LocalTime.ofInstant(at, zone));
  }

  public boolean activeAt(LocalTime localTime) {
    return activeAtLocalHour(localTime.toSecondOfDay() / 3600.0);
  }

  /** Whether a local hour of day (fractional, 0 ≤ h &lt; 24) falls into the window. */
  public boolean activeAtLocalHour(double hourOfDay) {
    if (!enabled || startHour == endHour) {
      return false;
    }
    if (startHour < endHour) {
      return hourOfDay >= startHour && hourOfDay < endHour;
    }
    return hourOfDay >= startHour || hourOfDay < endHour;
  }

  /** How far the room setpoint moves while the setback is active or not: 0 or −reduction. */
  public double roomShiftK(boolean active) {
    return active && enabled ? -roomReductionK : 0.0;
  }
}
