package de.vorlauf.simulator.physics;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything that makes one simulated building different from another; the simulation derives its
 * equipment sizes and random draws from it, so equal specs give equal histories.
 *
 * @param uaWPerK envelope heat-loss coefficient (transmission and ventilation)
 * @param thermalMassJPerK effective heat capacity of the building fabric and air
 * @param radiatorNominalW radiator output at a mean water to room difference of 50 K
 * @param radiatorExponent radiator exponent n (≈1.3 panels, ≈1.1 floor heating)
 * @param dhwLitresPerDay mean domestic hot water use, heated from 10 °C to 50 °C
 * @param seed drives the building's own randomness (hot water draws, meter counter start)
 */
public record BuildingSpec(
    String buildingId,
    HeatingKind kind,
    ZoneId zone,
    double uaWPerK,
    double thermalMassJPerK,
    double radiatorNominalW,
    double radiatorExponent,
    HeatingCurve curve,
    boolean hasIndoorSensor,
    double dhwLitresPerDay,
    long seed) {

  /** Indoor temperature below which comfort Kelvin-hours accrue. */
  public static final double DEFAULT_COMFORT_MIN_C = 20.0;

  public BuildingSpec {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(curve, "curve");
    if (!(uaWPerK > 0 && thermalMassJPerK > 0 && radiatorNominalW > 0)) {
      throw new IllegalArgumentException(
          buildingId + ": UA, thermal mass and radiator output must be positive");
    }
    if (!(radiatorExponent >= 1.0 && radiatorExponent <= 2.0)) {
      throw new IllegalArgumentException(buildingId + ": radiator exponent must be in [1, 2]");
    }
    if (!(dhwLitresPerDay >= 0)) {
      throw new IllegalArgumentException(buildingId + ": hot water use must not be negative");
    }
  }

  public double comfortMinC() {
    return DEFAULT_COMFORT_MIN_C;
  }
}
