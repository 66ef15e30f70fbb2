package de.vorlauf.domain.optimization;

import java.util.Locale;

/**
 * When the model or the data are not usable, and why: the checks run in a fixed order, the first
 * that fails decides the cause, and its reason says what was seen. The building then runs its own
 * curve (the baseline) with confidence 0.
 */
final class FallbackPolicy {

  /** Mean data quality of the last 24 hours below this: the inputs are mostly filled or missing. */
  static final double MIN_DATA_QUALITY = 0.5;

  /** A prediction above this multiple of the largest hourly heat in the history is implausible. */
  static final double MAX_HEAT_FACTOR = 2.0;

  /** A prediction below this is no heating demand at all, kW. */
  static final double NO_HEAT_KW = 0.1;

  /** ...or below this share of the largest hourly heat in the history. */
  static final double NO_HEAT_SHARE = 0.02;

  /**
   * The decision: a fallback with its reason, or the emitter model, UA and the history's room
   * temperature at this hour of day ({@link HeatNeed#historyRoomC}) to optimise with.
   */
  record Decision(
      Fallback fallback,
      String reason,
      EmitterModel emitter,
      double uaKwPerK,
      double historyRoomC) {

    static Decision fallBack(Fallback fallback, String reason) {
      return new Decision(fallback, reason, null, Double.NaN, Double.NaN);
    }
  }

  Decision decide(OptimizationInput input, Baseline baseline, HistorySummary history) {
    if (!baseline.fromForecast()) {
      return Decision.fallBack(
          Fallback.NO_FORECAST,
          "no outdoor forecast for the hour; baseline from " + baseline.source());
    }
    DemandPrediction demand = input.demand();
    if (demand == null) {
      return Decision.fallBack(
          Fallback.NO_MODEL, "no demand prediction: no usable model version or model input");
    }
    if (history.recentQuality() < MIN_DATA_QUALITY) {
      return Decision.fallBack(
          Fallback.POOR_DATA_QUALITY,
          format(
              "mean data quality of the last 24 hours is %.2f, below %.2f",
              history.recentQuality(), MIN_DATA_QUALITY));
    }
    double heat = demand.heatKw();
    if (!Double.isFinite(heat) || heat < 0) {
      return Decision.fallBack(
          Fallback.IMPLAUSIBLE_PREDICTION,
          format("model %s v%d predicted %.2f kW", demand.model(), demand.version(), heat));
    }
    if (heat < NO_HEAT_KW || baseline.flowC() <= input.config().comfortTempMin()) {
      return Decision.fallBack(
          Fallback.OUT_OF_SEASON,
          format(
              "no heating demand: predicted %.2f kW at %.1f °C outside, the curve's flow %.1f °C",
              heat, baseline.outdoorC(), baseline.flowC()));
    }
    if (!history.indoorMeasured()) {
      // Measured in the closed loop (docs/benchmarks.md, issue 22): lowering blind, on a room
      // temperature inferred from the emitter fit, broke the per-building comfort rule in 21 of
      // the 31 buildings without a room sensor; the same optimiser with the sensor broke it in
      // none.
      return Decision.fallBack(
          Fallback.NO_ROOM_MEASUREMENT,
          "no indoor temperature in the last 24 hours: the building keeps its own curve");
    }
    var estimate = EmitterEstimator.estimate(input.state().history(), input.config());
    if (!estimate.ok()) {
      return Decision.fallBack(Fallback.INSUFFICIENT_HISTORY, estimate.refusal());
    }
    if (heat > MAX_HEAT_FACTOR * history.maxHeatKw()) {
      return Decision.fallBack(
          Fallback.IMPLAUSIBLE_PREDICTION,
          format(
              "model %s v%d predicted %.2f kW, more than %.0f× the most the history drew (%.2f"
                  + " kW)",
              demand.model(), demand.version(), heat, MAX_HEAT_FACTOR, history.maxHeatKw()));
    }
    if (heat < NO_HEAT_SHARE * history.maxHeatKw()) {
      return Decision.fallBack(
          Fallback.OUT_OF_SEASON,
          format(
              "no heating demand: predicted %.2f kW, under %.0f %% of the most the history drew"
                  + " (%.2f kW)",
              heat, 100 * NO_HEAT_SHARE, history.maxHeatKw()));
    }
    EmitterModel emitter = estimate.model();
    double ua = HeatLoss.uaKwPerK(input.state().history(), emitter, input.config().timeZone());
    double room =
        HeatNeed.historyRoomC(
            input.state().history(), emitter, input.state().asOf(), input.config().timeZone());
    if (!(ua > 0) || !Double.isFinite(room)) {
      return Decision.fallBack(
          Fallback.INSUFFICIENT_HISTORY,
          "no hours with heat, room and outdoor temperature known for the heat-loss coefficient");
    }
    return new Decision(null, null, emitter, ua, room);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
