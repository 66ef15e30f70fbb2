package de.vorlauf.domain.sensor;

/** An affine conversion to a canonical unit: {@code canonical = value * factor + offset}. */
public record UnitConversion(double factor, double offset) {

  public static final UnitConversion IDENTITY = new UnitConversion(1.0, 0.0);

  public double apply(double value) {
    return value * factor + offset;
  }
}
