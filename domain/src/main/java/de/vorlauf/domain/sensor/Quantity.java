package de.vorlauf.domain.sensor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A physical quantity with its canonical unit and the unit spellings devices are known to send.
 *
 * <p>Readings are stored in the canonical unit only, so every reader (ETL, rollups, optimiser) can
 * rely on one unit per sensor. A spelling not listed here is refused rather than guessed: {@code
 * "C"} could be Celsius or Coulomb, and a wrong guess corrupts a model silently.
 */
public enum Quantity {
  TEMPERATURE(
      "degC",
      Map.of(
          "degc", UnitConversion.IDENTITY,
          "°c", UnitConversion.IDENTITY,
          "celsius", UnitConversion.IDENTITY,
          "k", new UnitConversion(1.0, -273.15),
          "kelvin", new UnitConversion(1.0, -273.15),
          "degf", new UnitConversion(5.0 / 9.0, -32.0 * 5.0 / 9.0),
          "°f", new UnitConversion(5.0 / 9.0, -32.0 * 5.0 / 9.0))),
  VOLUME_FLOW(
      "L/min",
      Map.of(
          "l/min", UnitConversion.IDENTITY,
          "l/h", new UnitConversion(1.0 / 60.0, 0.0),
          "m3/h", new UnitConversion(1000.0 / 60.0, 0.0),
          "m³/h", new UnitConversion(1000.0 / 60.0, 0.0),
          "l/s", new UnitConversion(60.0, 0.0))),
  POWER(
      "kW",
      Map.of(
          "kw", UnitConversion.IDENTITY,
          "w", new UnitConversion(0.001, 0.0),
          "mw", new UnitConversion(1000.0, 0.0))),
  ENERGY(
      "kWh",
      Map.of(
          "kwh", UnitConversion.IDENTITY,
          "wh", new UnitConversion(0.001, 0.0),
          "mwh", new UnitConversion(1000.0, 0.0)));

  private final String canonicalUnit;
  private final Map<String, UnitConversion> spellings;

  Quantity(String canonicalUnit, Map<String, UnitConversion> spellings) {
    this.canonicalUnit = canonicalUnit;
    this.spellings = spellings;
  }

  public String canonicalUnit() {
    return canonicalUnit;
  }

  /**
   * The conversion from {@code unit} to the canonical unit. Spellings are matched without regard to
   * case ("kW" vs "kw" is a common firmware difference; "mW" for milliwatts is not a unit any
   * heating sensor reports, so "MW" and "mW" are both read as megawatts) and surrounding blanks.
   */
  public Optional<UnitConversion> conversionFrom(String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(spellings.get(unit.strip().toLowerCase(Locale.ROOT)));
  }
}
