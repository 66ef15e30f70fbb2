package de.vorlauf.domain.vendor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which vendor features become which catalogue sensors, and how the vendor spells units. Features
 * not listed are not polled: a value Vorlauf has no sensor for would only fill the quarantine. Unit
 * spellings not listed pass through unchanged, so the ingest validation refuses them as an unknown
 * unit with the vendor's own spelling in the reason.
 */
public final class FeatureMapping {

  private static final Map<String, String> SENSORS = new LinkedHashMap<>();
  private static final Map<String, String> UNITS =
      Map.of(
          "celsius", "degC",
          "kelvin", "K",
          "fahrenheit", "degF",
          "liter/hour", "L/h",
          "liter/minute", "L/min",
          "cubicmeter/hour", "m3/h",
          "watt", "W",
          "kilowatt", "kW",
          "wattHour", "Wh",
          "kilowattHour", "kWh");

  static {
    SENSORS.put("heating.sensors.temperature.outside", "outdoor_temp");
    SENSORS.put("heating.circuits.0.sensors.temperature.supply", "vorlauf_temp_hk1");
    SENSORS.put("heating.sensors.temperature.return", "ruecklauf_temp_hk1");
    SENSORS.put("heating.circuits.0.sensors.temperature.room", "indoor_temp");
    SENSORS.put("heating.circuits.0.sensors.volumetricFlow.allengra", "flow_rate_hk1");
    SENSORS.put("heating.power.production.current", "heat_power");
    SENSORS.put("heating.power.production.cumulative", "heat_energy");
  }

  private FeatureMapping() {}

  /** The catalogue sensor id of a vendor feature; empty for features Vorlauf does not poll. */
  public static Optional<String> sensorFor(String feature) {
    return Optional.ofNullable(SENSORS.get(feature));
  }

  /** The vendor features that are polled, in a stable order. */
  public static Set<String> features() {
    return java.util.Collections.unmodifiableSet(SENSORS.keySet());
  }

  /** The catalogue spelling of a vendor unit, or the vendor spelling when none is known. */
  public static String catalogueUnit(String vendorUnit) {
    if (vendorUnit == null) {
      return null;
    }
    return UNITS.getOrDefault(vendorUnit.strip(), vendorUnit);
  }
}
