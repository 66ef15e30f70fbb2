package de.vorlauf.persistence.registry;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything about a building that ops may change, as one value (the source document's {@code
 * BuildingConfig}). Checked for consistency by the web tier's Bean Validation first; the database
 * enforces the same ranges.
 *
 * @param areaM2 heated floor area; null while unknown
 * @param yearBuilt null while unknown
 * @param nightSetbackStart local hour 0..23 the setback begins
 * @param nightSetbackEnd local hour 0..23 it ends (may be before the start: across midnight)
 * @param nightSetbackReduction kelvin the flow target is lowered by during the setback
 */
public record BuildingSettings(
    String name,
    ZoneId timeZone,
    HeatingType heatingType,
    Double areaM2,
    Integer yearBuilt,
    int heatingCircuits,
    boolean hasDhw,
    double comfortTempMin,
    double comfortTempMax,
    boolean nightSetbackEnabled,
    int nightSetbackStart,
    int nightSetbackEnd,
    double nightSetbackReduction) {

  public static final int DEFAULT_HEATING_CIRCUITS = 1;
  public static final double DEFAULT_COMFORT_MIN = 20.0;
  public static final double DEFAULT_COMFORT_MAX = 22.0;
  public static final int DEFAULT_SETBACK_START = 22;
  public static final int DEFAULT_SETBACK_END = 6;
  public static final double DEFAULT_SETBACK_REDUCTION = 3.0;

  public BuildingSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(heatingType, "heatingType");
  }
}
