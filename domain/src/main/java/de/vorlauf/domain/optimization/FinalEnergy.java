package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.HeatingType;

/**
 * Final energy (what the building pays for: gas, electricity, district heat) for an hour's heat at
 * a flow and return temperature, by textbook efficiencies. Used only to predict savings against the
 * baseline; the simulator's ledger, not this, judges them.
 *
 * <ul>
 *   <li>Condensing boiler: about 98 % (on the net calorific value) with returns at or below 30 °C,
 *       falling linearly to 88 % at the ~55 °C dew point of the flue gas, 87 % above it (no
 *       condensing).
 *   <li>Heat pump: a fraction of the Carnot COP between the flow (plus the condenser's approach)
 *       and the outdoor air (minus the evaporator's approach), within [1, 7].
 *   <li>District heating: heat is what is billed.
 *   <li>Hybrid: the heat pump covers the hour while the flow is within its limit, the boiler above.
 * </ul>
 */
final class FinalEnergy {

  /** Flue-gas dew point of natural gas: returns above it do not condense. */
  static final double DEW_POINT_C = 55.0;

  static final double CONDENSING_BEST = 0.98;
  static final double CONDENSING_BEST_RETURN_C = 30.0;
  static final double CONDENSING_AT_DEW_POINT = 0.88;
  static final double NON_CONDENSING = 0.87;

  /** Real air-source heat pumps reach 40–50 % of the Carnot COP. */
  static final double CARNOT_FRACTION = 0.45;

  static final double CONDENSER_APPROACH_K = 3.0;
  static final double EVAPORATOR_APPROACH_K = 6.0;
  static final double MIN_COP = 1.0;
  static final double MAX_COP = 7.0;

  private static final double KELVIN = 273.15;

  private FinalEnergy() {}

  static double kWh(HeatingType type, double heatKwh, double flowC, double returnC, double outC) {
    if (heatKwh <= 0) {
      return 0;
    }
    return switch (type) {
      case GAS -> heatKwh / condensingEfficiency(returnC);
      case WAERMEPUMPE -> heatKwh / cop(flowC, outC);
      case FERNWAERME -> heatKwh;
      case HYBRID ->
          flowC <= HeatingType.WAERMEPUMPE.limits().maxFlowC()
              ? heatKwh / cop(flowC, outC)
              : heatKwh / condensingEfficiency(returnC);
    };
  }

  static double condensingEfficiency(double returnC) {
    if (returnC <= CONDENSING_BEST_RETURN_C) {
      return CONDENSING_BEST;
    }
    if (returnC <= DEW_POINT_C) {
      double share =
          (returnC - CONDENSING_BEST_RETURN_C) / (DEW_POINT_C - CONDENSING_BEST_RETURN_C);
      return CONDENSING_BEST - share * (CONDENSING_BEST - CONDENSING_AT_DEW_POINT);
    }
    return NON_CONDENSING;
  }

  static double cop(double flowC, double outdoorC) {
    double hot = flowC + CONDENSER_APPROACH_K + KELVIN;
    double cold = outdoorC - EVAPORATOR_APPROACH_K + KELVIN;
    if (!(hot > cold)) {
      return MAX_COP;
    }
    return Math.max(MIN_COP, Math.min(MAX_COP, CARNOT_FRACTION * hot / (hot - cold)));
  }
}
