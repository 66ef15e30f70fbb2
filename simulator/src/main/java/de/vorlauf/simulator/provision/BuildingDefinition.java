package de.vorlauf.simulator.provision;

import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.HeatingCurve;

/**
 * A simulated building as the registry records it (the REST API's building input): the simulation's
 * heating type, time zone, night setback and comfort range, so the optimiser later works with the
 * same parameters the physics runs on.
 *
 * @param areaM2 heated area estimated from the envelope's UA value (≈1.2 W/(m²·K), a partly
 *     renovated building), because the registry wants one and the physics has none
 */
public record BuildingDefinition(
    String id,
    String name,
    String timeZone,
    String heatingType,
    double areaM2,
    boolean hasDhw,
    double comfortTempMin,
    double comfortTempMax,
    boolean nightSetbackEnabled,
    int nightSetbackStart,
    int nightSetbackEnd,
    double nightSetbackReduction) {

  public static BuildingDefinition of(BuildingSpec spec, String name) {
    HeatingCurve curve = spec.curve();
    double setback = Math.max(0, Math.min(15, curve.setbackK()));
    return new BuildingDefinition(
        spec.buildingId(),
        name,
        spec.zone().getId(),
        spec.kind().registryCode(),
        Math.max(1, Math.round(spec.uaWPerK() / 1.2)),
        spec.dhwLitresPerDay() > 0,
        BuildingSpec.DEFAULT_COMFORT_MIN_C,
        BuildingSpec.DEFAULT_COMFORT_MIN_C + 2.0,
        setback > 0,
        Math.floorMod(curve.setbackStartHour(), 24),
        Math.floorMod(curve.setbackEndHour(), 24),
        setback);
  }
}
