package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * What the building's own heating curve runs for the hour: the baseline every optimisation is
 * judged against and the setpoint of every fallback.
 *
 * @param outdoorC the outdoor temperature the hour is computed for; NaN when none is known
 * @param flowC the curve's flow temperature at {@code asOf} (setback included)
 * @param fromForecast whether the outdoor temperature is the forecast's (else a reading or none)
 * @param source where the outdoor temperature came from, in words
 */
record Baseline(double outdoorC, double flowC, boolean fromForecast, String source) {

  /** A reading older than this is no longer the outdoor temperature of the coming hour. */
  static final Duration MAX_READING_AGE = Duration.ofHours(24);

  /**
   * Without any outdoor temperature the curve is read at a cold design day (DIN EN 12831's design
   * temperatures lie around −12 °C in most of Germany): a fallback must never leave a room cold.
   */
  static final double DESIGN_OUTDOOR_C = -12.0;

  static Baseline of(OptimizationInput input) {
    BuildingConfig config = input.config();
    Instant asOf = input.state().asOf();
    if (!input.outdoorForecastC().isEmpty() && Double.isFinite(input.outdoorForecastC().get(0))) {
      double outdoor = input.outdoorForecastC().get(0);
      return new Baseline(outdoor, config.flowTemperatureC(asOf, outdoor), true, "the forecast");
    }
    var history = input.state().history();
    for (int i = history.size() - 1; i >= 0; i--) {
      HourObservation h = history.get(i);
      if (h.hour().isBefore(asOf.minus(MAX_READING_AGE))) {
        break;
      }
      if (Double.isFinite(h.outdoorC())) {
        return new Baseline(
            h.outdoorC(),
            config.flowTemperatureC(asOf, h.outdoorC()),
            false,
            "the outdoor reading of the hour from " + h.hour());
      }
    }
    return new Baseline(
        Double.NaN,
        config.flowTemperatureC(asOf, DESIGN_OUTDOOR_C),
        false,
        "no outdoor temperature; the curve at the design temperature of "
            + DESIGN_OUTDOOR_C
            + " °C");
  }
}
