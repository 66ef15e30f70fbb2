package de.vorlauf.simulator.physics;

import java.time.Instant;

/**
 * One catalogue reading as a device would publish it.
 *
 * @param unit the catalogue's canonical unit of the sensor
 * @param quality {@code good}, {@code uncertain} or {@code bad} (wire names of the domain quality)
 */
public record SensorSample(
    String sensorId, double value, String unit, String quality, Instant time) {

  public SensorSample withValue(double newValue) {
    return new SensorSample(sensorId, newValue, unit, quality, time);
  }

  public SensorSample withQuality(String newQuality) {
    return new SensorSample(sensorId, value, unit, newQuality, time);
  }

  public SensorSample withTime(Instant newTime) {
    return new SensorSample(sensorId, value, unit, quality, newTime);
  }
}
