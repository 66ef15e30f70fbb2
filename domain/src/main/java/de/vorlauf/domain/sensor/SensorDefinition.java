package de.vorlauf.domain.sensor;

/**
 * One canonical sensor of the catalogue.
 *
 * @param id the canonical sensor id devices send, e.g. {@code vorlauf_temp_hk1}
 * @param quantity what it measures, which fixes the canonical unit
 * @param min lowest physically plausible value in the canonical unit
 * @param max highest physically plausible value in the canonical unit
 * @param description what the sensor is, for people
 */
public record SensorDefinition(
    String id, Quantity quantity, double min, double max, String description) {

  public SensorDefinition {
    if (!(min < max)) {
      throw new IllegalArgumentException(
          "sensor " + id + ": min " + min + " must be below max " + max);
    }
  }

  public String canonicalUnit() {
    return quantity.canonicalUnit();
  }

  public boolean inRange(double canonicalValue) {
    return canonicalValue >= min && canonicalValue <= max;
  }
}
