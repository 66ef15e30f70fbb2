package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * The source document's {@code ComfortConstraintChecker}: whether a room temperature is within the
 * building's comfort band, and the room temperature the optimiser aims at.
 *
 * <p>The target is the comfort minimum plus a margin, never the middle of the band: every kelvin
 * above the minimum costs heat, and comfort is counted as kelvin-hours below the minimum, day and
 * night. The margin covers what the hourly setpoint cannot see (the model's error, the room's lag);
 * without an indoor sensor the room is only estimated from the emitter model, so the margin is
 * larger. The night setback lowers the target by its reduction, but never below the minimum plus
 * margin: a setback that lets the room fall below the comfort minimum is a comfort violation, not a
 * saving.
 */
public final class ComfortConstraintChecker {

  /** Margin above the comfort minimum with a measured room temperature, K. */
  public static final double MARGIN_MEASURED_K = 0.3;

  /** Margin above the comfort minimum when the room is only estimated, K. */
  public static final double MARGIN_ESTIMATED_K = 0.8;

  private final BuildingConfig config;

  public ComfortConstraintChecker(BuildingConfig config) {
    this.config = config;
  }

  /** The source document's check: empty when within the band, else what is wrong. */
  public Optional<String> check(double indoorC) {
    if (indoorC < config.comfortTempMin()) {
      return Optional.of(
          "Below minimum: %s°C < %s°C".formatted(number(indoorC), number(config.comfortTempMin())));
    }
    if (indoorC > config.comfortTempMax()) {
      return Optional.of(
          "Above maximum: %s°C > %s°C".formatted(number(indoorC), number(config.comfortTempMax())));
    }
    return Optional.empty();
  }

  /**
   * The room temperature to aim at for the hour starting {@code at}.
   *
   * @param roomMeasured whether the building measures its room temperature
   * @param honourSetback false for heat pumps: a setback dip costs more COP on recovery than it
   *     saves
   */
  public double targetRoomC(Instant at, boolean roomMeasured, boolean honourSetback) {
    double floor = floorC(roomMeasured);
    double target = floor;
    if (honourSetback && config.nightSetback().activeAt(at, config.timeZone())) {
      target = Math.max(floor, target + config.nightSetback().roomShiftK(true));
    }
    return Math.min(target, config.comfortTempMax());
  }

  /** The lowest target: comfort minimum plus margin, within the band. */
  public double floorC(boolean roomMeasured) {
    double margin = roomMeasured ? MARGIN_MEASURED_K : MARGIN_ESTIMATED_K;
    return Math.min(config.comfortTempMin() + margin, config.comfortTempMax());
  }

  /** Python's str() of a float, as the source document's f-strings print it: 19.5, 20.0. */
  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(java.util.Locale.ROOT, "%.1f", value)
        : String.valueOf(value);
  }
}
