package de.vorlauf.domain.optimization;

/**
 * The building's heating circuit as its own history shows it: the radiator law {@code Q = K ·
 * (T_mean − T_room)^n} with {@code T_mean = (flow + return) / 2}, and a constant circuit flow
 * {@code ṁ} so that {@code flow − return = Q / (c_p · ṁ)}. Estimated by {@link EmitterEstimator};
 * nothing of the emitters' design is known or read.
 *
 * @param exponent the emitter exponent n (an engineering constant per emitter kind, not fitted)
 * @param kKwPerKn the emitter constant K, kW per K^n
 * @param capacityKwPerK {@code c_p · ṁ} of the circuit, kW per K of spread
 * @param fitQuality 0..1, one minus the fit's relative RMS error in heat
 * @param roomMeasured whether the fit used the building's indoor sensor (else the room was
 *     estimated along with K)
 */
public record EmitterModel(
    double exponent,
    double kKwPerKn,
    double capacityKwPerK,
    double fitQuality,
    boolean roomMeasured) {

  /** Specific heat of water, kJ/(kg·K): only to report the circuit's mass flow. */
  public static final double WATER_CP_KJ_PER_KG_K = 4.18;

  /** The circuit's mass flow, kg/s. */
  public double massFlowKgPerS() {
    return capacityKwPerK / WATER_CP_KJ_PER_KG_K;
  }

  /** The mean emitter temperature that delivers {@code heatKw} into a room at {@code roomC}. */
  public double meanTemperatureC(double heatKw, double roomC) {
    return heatKw <= 0 ? roomC : roomC + Math.pow(heatKw / kKwPerKn, 1.0 / exponent);
  }

  /** The lowest flow temperature that delivers {@code heatKw} into a room at {@code roomC}. */
  public double flowFor(double heatKw, double roomC) {
    return meanTemperatureC(heatKw, roomC) + Math.max(0, heatKw) / (2 * capacityKwPerK);
  }

  /** The return temperature that goes with {@link #flowFor}. */
  public double returnFor(double heatKw, double roomC) {
    return meanTemperatureC(heatKw, roomC) - Math.max(0, heatKw) / (2 * capacityKwPerK);
  }

  /**
   * The heat a flow temperature delivers into a room at {@code roomC}: the inverse of {@link
   * #flowFor}, which rises strictly with the heat, so bisection between no heat and the heat at
   * zero spread (an upper bound) converges.
   */
  public double heatAt(double flowC, double roomC) {
    if (!(flowC > roomC)) {
      return 0;
    }
    double low = 0;
    double high = kKwPerKn * Math.pow(flowC - roomC, exponent);
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (flowFor(mid, roomC) > flowC) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return low;
  }

  /** The return temperature at a flow temperature (constant circuit flow). */
  public double returnAt(double flowC, double roomC) {
    return flowC - heatAt(flowC, roomC) / capacityKwPerK;
  }

  /**
   * The room temperature an hour's flow, return and heat imply ({@code T_mean − (Q/K)^(1/n)}), for
   * a building without an indoor sensor; NaN when no heat flowed.
   */
  public double impliedRoomC(HourObservation hour) {
    if (!EmitterEstimator.heatFlows(hour)) {
      return Double.NaN;
    }
    double mean = (hour.flowC() + hour.returnC()) / 2;
    return mean - Math.pow(hour.heatPowerKw() / kKwPerKn, 1.0 / exponent);
  }
}
