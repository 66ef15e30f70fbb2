package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything that makes one simulated building different from another; the simulation derives its
 * equipment sizes and random draws from it, so equal specs give equal histories.
 *
 * @param config the building as commissioned: its heating type and time zone are physical facts of
 *     the simulation (the generator, the occupants' day); its curve and setback are what the
 *     controller runs until the registry says otherwise ({@link BuildingSimulation#reconfigure})
 * @param uaWPerK envelope heat-loss coefficient (transmission and ventilation)
 * @param thermalMassJPerK effective heat capacity of the building fabric and air
 * @param radiatorNominalW radiator output at a mean water to room difference of 50 K
 * @param radiatorExponent radiator exponent n (≈1.3 panels, ≈1.1 floor heating)
 * @param dhwLitresPerDay mean domestic hot water use, heated from 10 °C to 50 °C
 * @param seed drives the building's own randomness (hot water draws, meter counter start)
 */
public record BuildingSpec(
    BuildingConfig config,
    double uaWPerK,
    double thermalMassJPerK,
    double radiatorNominalW,
    double radiatorExponent,
    boolean hasIndoorSensor,
    double dhwLitresPerDay,
    long seed) {

  /** Indoor temperature below which comfort Kelvin-hours accrue. */
  public static final double DEFAULT_COMFORT_MIN_C = BuildingConfig.DEFAULT_COMFORT_TEMP_MIN;

  public BuildingSpec {
    Objects.requireNonNull(config, "config");
    String id = config.buildingId();
    if (!(uaWPerK > 0 && thermalMassJPerK > 0 && radiatorNominalW > 0)) {
      throw new IllegalArgumentException(
          id + ": UA, thermal mass and radiator output must be positive");
    }
    if (!(radiatorExponent >= 1.0 && radiatorExponent <= 2.0)) {
      throw new IllegalArgumentException(id + ": radiator exponent must be in [1, 2]");
    }
    if (!(dhwLitresPerDay >= 0)) {
      throw new IllegalArgumentException(id + ": hot water use must not be negative");
    }
  }

  public String buildingId() {
    return config.buildingId();
  }

  public HeatingType type() {
    return config.heatingType();
  }

  public ZoneId zone() {
    return config.timeZone();
  }

  public HeatingCurve curve() {
    return config.curve();
  }

  public NightSetback setback() {
    return config.nightSetback();
  }

  public double comfortMinC() {
    return DEFAULT_COMFORT_MIN_C;
  }

  public BuildingSpec withConfig(BuildingConfig value) {
    return new BuildingSpec(
        value,
        uaWPerK,
        thermalMassJPerK,
        radiatorNominalW,
        radiatorExponent,
        hasIndoorSensor,
        dhwLitresPerDay,
        seed);
  }
}
