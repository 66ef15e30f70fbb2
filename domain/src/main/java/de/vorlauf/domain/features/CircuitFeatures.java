package de.vorlauf.domain.features;

/**
 * One heating circuit's features in one slot.
 *
 * @param spreadK flow − return, NaN when either is empty
 * @param heatPowerKw flow (L/min) / 60 · 4.18 · spread, NaN when an input is empty
 */
public record CircuitFeatures(
    int circuit,
    Sample flowTemp,
    Sample returnTemp,
    Sample flowRate,
    double spreadK,
    double heatPowerKw) {

  static CircuitFeatures of(int circuit, Sample flow, Sample ret, Sample rate) {
    double spread = flow.isEmpty() || ret.isEmpty() ? Double.NaN : flow.value() - ret.value();
    double power =
        Double.isNaN(spread) || rate.isEmpty()
            ? Double.NaN
            : rate.value() / 60.0 * FeatureRules.WATER_HEAT_CAPACITY * spread;
    return new CircuitFeatures(circuit, flow, ret, rate, spread, power);
  }
}
