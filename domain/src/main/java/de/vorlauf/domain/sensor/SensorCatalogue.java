package de.vorlauf.domain.sensor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sensors Vorlauf understands: one place that says what a sensor id means, in which unit it is
 * stored and which values are physically possible. Ingestion (MQTT, REST, vendor polling), the
 * simulator and the ETL all read this catalogue, so a sensor is added here or nowhere.
 */
public final class SensorCatalogue {

  private static final SensorCatalogue STANDARD =
      new SensorCatalogue(
          List.of(
              new SensorDefinition(
                  "vorlauf_temp_hk1",
                  Quantity.TEMPERATURE,
                  -20,
                  130,
                  "flow temperature, circuit 1"),
              new SensorDefinition(
                  "ruecklauf_temp_hk1",
                  Quantity.TEMPERATURE,
                  -20,
                  130,
                  "return temperature, circuit 1"),
              new SensorDefinition(
                  "outdoor_temp", Quantity.TEMPERATURE, -60, 60, "outdoor air temperature"),
              new SensorDefinition(
                  "flow_rate_hk1", Quantity.VOLUME_FLOW, 0, 5000, "water flow rate, circuit 1"),
              new SensorDefinition(
                  "indoor_temp",
                  Quantity.TEMPERATURE,
                  -10,
                  50,
                  "indoor reference room temperature"),
              new SensorDefinition("heat_power", Quantity.POWER, 0, 10_000, "heat meter power"),
              new SensorDefinition(
                  "heat_energy", Quantity.ENERGY, 0, 1.0e10, "heat meter energy counter")));

  private final Map<String, SensorDefinition> byId = new LinkedHashMap<>();

  public SensorCatalogue(Collection<SensorDefinition> sensors) {
    for (SensorDefinition sensor : sensors) {
      if (byId.putIfAbsent(sensor.id(), sensor) != null) {
        throw new IllegalArgumentException("sensor id defined twice: " + sensor.id());
      }
    }
  }

  public static SensorCatalogue standard() {
    return STANDARD;
  }

  public Optional<SensorDefinition> find(String sensorId) {
    return Optional.ofNullable(byId.get(sensorId));
  }

  public Collection<SensorDefinition> all() {
    return List.copyOf(byId.values());
  }
}
