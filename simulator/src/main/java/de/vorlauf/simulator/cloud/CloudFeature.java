package de.vorlauf.simulator.cloud;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.UnitConversion;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The vendor features the simulated cloud serves and the catalogue sensor each one comes from. The
 * vendor spells units its own way and reports flow per hour rather than per minute, so a client
 * that maps features back to catalogue readings has to undo exactly these conversions.
 */
public enum CloudFeature {
  OUTSIDE_TEMPERATURE("heating.sensors.temperature.outside", "celsius", "outdoor_temp", 1.0),
  SUPPLY_TEMPERATURE(
      "heating.circuits.0.sensors.temperature.supply", "celsius", "vorlauf_temp_hk1", 1.0),
  RETURN_TEMPERATURE("heating.sensors.temperature.return", "celsius", "ruecklauf_temp_hk1", 1.0),
  ROOM_TEMPERATURE("heating.circuits.0.sensors.temperature.room", "celsius", "indoor_temp", 1.0),
  VOLUMETRIC_FLOW(
      "heating.circuits.0.sensors.volumetricFlow.allengra", "liter/hour", "flow_rate_hk1", 60.0),
  POWER_CURRENT("heating.power.production.current", "kilowatt", "heat_power", 1.0),
  ENERGY_CUMULATIVE("heating.power.production.cumulative", "kilowattHour", "heat_energy", 1.0);

  private final String featureName;
  private final String vendorUnit;
  private final String sensorId;
  private final double factorFromCanonical;

  CloudFeature(String featureName, String vendorUnit, String sensorId, double factorFromCanonical) {
    this.featureName = featureName;
    this.vendorUnit = vendorUnit;
    this.sensorId = sensorId;
    this.factorFromCanonical = factorFromCanonical;
  }

  public String featureName() {
    return featureName;
  }

  public String vendorUnit() {
    return vendorUnit;
  }

  public String sensorId() {
    return sensorId;
  }

  public static Optional<CloudFeature> byName(String featureName) {
    return Arrays.stream(values()).filter(f -> f.featureName.equals(featureName)).findFirst();
  }

  public static Optional<CloudFeature> bySensor(String sensorId) {
    return Arrays.stream(values()).filter(f -> f.sensorId.equals(sensorId)).findFirst();
  }

  /** The feature names an installation offers when it has the given catalogue sensors. */
  public static Set<String> namesForSensors(Collection<String> sensorIds) {
    Set<String> names = new LinkedHashSet<>();
    for (CloudFeature feature : values()) {
      if (sensorIds.contains(feature.sensorId)) {
        names.add(feature.featureName);
      }
    }
    return names;
  }

  /**
   * The value as the vendor reports it. The sample's unit goes through the catalogue first, so a
   * feeder that sends another accepted spelling still lands in the right vendor unit.
   *
   * @throws IllegalArgumentException when the unit is not one the catalogue accepts for the sensor
   */
  double toVendorValue(double value, String unit) {
    UnitConversion toCanonical =
        SensorCatalogue.standard()
            .find(sensorId)
            .orElseThrow()
            .quantity()
            .conversionFrom(unit)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "sensor " + sensorId + ": unit '" + unit + "' is not accepted"));
    return toCanonical.apply(value) * factorFromCanonical;
  }
}
