package de.vorlauf.persistence.registry;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything about a building that ops may change, as one value: the domain's {@link
 * BuildingConfig} without the id, plus the name. Checked by the web tier's validation first (the
 * domain's rules, e.g. the curve within the heating type's limits); the database enforces what a
 * row alone can show.
 *
 * @param areaM2 heated floor area; null while unknown
 * @param yearBuilt null while unknown
 * @param nightSetback its reduction is a room-temperature reduction in K (see {@link NightSetback})
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
    NightSetback nightSetback,
    HeatingCurve curve) {

  public BuildingSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(heatingType, "heatingType");
    Objects.requireNonNull(nightSetback, "nightSetback");
    Objects.requireNonNull(curve, "curve");
  }

  /** The building's heating configuration, as the optimiser and the simulator use it. */
  public BuildingConfig config(String buildingId) {
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
        curve);
  }
}
