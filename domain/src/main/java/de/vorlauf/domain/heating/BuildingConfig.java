package de.vorlauf.domain.heating;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a building is heated: the source document's {@code BuildingConfig} plus the time zone its
 * setback hours are read in and the heating curve its controller runs. The registry stores one per
 * building, the simulator runs one per simulated building, and the optimiser starts from the flow
 * temperature it gives ({@link #flowTemperatureC}), the baseline every optimisation is judged
 * against.
 *
 * @param areaM2 heated floor area; null while unknown
 * @param yearBuilt null while unknown
 */
public record BuildingConfig(
    String buildingId,
    HeatingType heatingType,
    ZoneId timeZone,
    Double areaM2,
    Integer yearBuilt,
    int heatingCircuits,
    boolean hasDhw,
    double comfortTempMin,
    double comfortTempMax,
    NightSetback nightSetback,
    HeatingCurve curve) {

  public static final int DEFAULT_HEATING_CIRCUITS = 1;
  public static final boolean DEFAULT_HAS_DHW = true;
  public static final double DEFAULT_COMFORT_TEMP_MIN = 20.0;
  public static final double DEFAULT_COMFORT_TEMP_MAX = 22.0;

  public BuildingConfig {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(heatingType, "heatingType");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(nightSetback, "nightSetback");
    Objects.requireNonNull(curve, "curve");
  }

  /**
   * The source document's defaults for everything not given: one circuit, hot water, comfort 20–22
   * °C, setback 22:00–06:00 by 3 K, and the default curve within the type's flow range.
   */
  public static BuildingConfig defaults(String buildingId, HeatingType type, ZoneId timeZone) {
    return new BuildingConfig(
        buildingId,
        type,
        timeZone,
        null,
        null,
        DEFAULT_HEATING_CIRCUITS,
        DEFAULT_HAS_DHW,
        DEFAULT_COMFORT_TEMP_MIN,
        DEFAULT_COMFORT_TEMP_MAX,
        NightSetback.DEFAULT,
        type.defaultCurve());
  }

  /**
   * The flow temperature the building's controller targets at {@code at}: the curve, with the room
   * setpoint lowered while the setback window is open in the building's local time, clipped to the
   * curve's range and the equipment's limits.
   */
  public double flowTemperatureC(Instant at, double outdoorC) {
    return flowTemperatureC(outdoorC, nightSetback.activeAt(at, timeZone));
  }

  /** As {@link #flowTemperatureC(Instant, double)} for a caller that knows the local time. */
  public double flowTemperatureC(double outdoorC, boolean setbackActive) {
    return heatingType
        .limits()
        .clampFlow(curve.flowC(outdoorC, nightSetback.roomShiftK(setbackActive)));
  }

  public BuildingConfig withCurve(HeatingCurve value) {
    return new BuildingConfig(
        buildingId,
        heatingType,
        timeZone,
        areaM2,
        yearBuilt,
        heatingCircuits,
        hasDhw,
        comfortTempMin,
        comfortTempMax,
        nightSetback,
        value);
  }

  public BuildingConfig withNightSetback(NightSetback value) {
    return new BuildingConfig(
        buildingId,
        heatingType,
        timeZone,
        areaM2,
        yearBuilt,
        heatingCircuits,
        hasDhw,
        comfortTempMin,
        comfortTempMax,
        value,
        curve);
  }

  public BuildingConfig withTimeZone(ZoneId value) {
    return new BuildingConfig(
        buildingId,
        heatingType,
        value,
        areaM2,
        yearBuilt,
        heatingCircuits,
        hasDhw,
        comfortTempMin,
        comfortTempMax,
        nightSetback,
        curve);
  }
}
