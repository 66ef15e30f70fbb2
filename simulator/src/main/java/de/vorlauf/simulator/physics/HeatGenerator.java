package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.HeatingType;

/**
 * The heat source: how much heat it can give, and what it burns or draws to give it. Sizes follow
 * the building's design load at −12 °C outdoor, as an installer would size them.
 */
final class HeatGenerator {

  /** Below this outdoor temperature a hybrid's boiler joins the heat pump. */
  static final double HYBRID_BIVALENCE_C = 0.0;

  /** Below this a hybrid's heat pump stops: its COP no longer pays. */
  static final double HYBRID_HEAT_PUMP_CUTOFF_C = -10.0;

  static final double COP_MIN = 1.5;
  static final double COP_MAX = 6.0;
  private static final double CARNOT_FRACTION = 0.45;
  private static final double DHW_STORAGE_C = 55.0;

  /** Typical return temperature while a boiler reheats the hot water cylinder. */
  static final double DHW_RETURN_C = 45.0;

  private final HeatingType type;
  private final double heatPumpRatedW;
  private final double dhwPowerW;

  double gasJ;
  double electricityJ;
  double districtJ;

  HeatGenerator(BuildingSpec spec) {
    this.type = spec.type();
    double designLoadW = Design.loadW(spec.uaWPerK());
    this.heatPumpRatedW =
        switch (type) {
          case WAERMEPUMPE -> designLoadW;
          case HYBRID -> spec.uaWPerK() * (Design.INDOOR_C - HYBRID_BIVALENCE_C);
          case GAS, FERNWAERME -> 0.0;
        };
    this.dhwPowerW = 4_000 + 20 * spec.dhwLitresPerDay();
  }

  /** Condensing boilers recover latent heat only while the return is below the dew point. */
  static double condensingEfficiency(double returnC) {
    double share = (returnC - 30.0) / (55.0 - 30.0);
    return 0.98 - 0.11 * Math.max(0.0, Math.min(1.0, share));
  }

  /** A fixed fraction of the Carnot COP between condenser and evaporator, with approach losses. */
  static double cop(double flowC, double outdoorC) {
    double sinkK = flowC + 273.15 + 3.0;
    double sourceK = outdoorC + 273.15 - 5.0;
    double lift = sinkK - sourceK;
    double cop = lift <= 0 ? COP_MAX : CARNOT_FRACTION * sinkK / lift;
    return Math.max(COP_MIN, Math.min(COP_MAX, cop));
  }

  /** The heat pump's capacity falls with the outdoor temperature (~1.2 % per kelvin). */
  double heatPumpCapacityW(double outdoorC) {
    double reference = type == HeatingType.HYBRID ? HYBRID_BIVALENCE_C : Design.OUTDOOR_C;
    return heatPumpRatedW * Math.max(0.5, 1.0 + 0.012 * (outdoorC - reference));
  }

  /** What can go into room heating and hot water together this step. */
  double capacityW(double outdoorC) {
    return type == HeatingType.WAERMEPUMPE ? heatPumpCapacityW(outdoorC) : Double.POSITIVE_INFINITY;
  }

  double dhwPowerW() {
    return dhwPowerW;
  }

  /**
   * Books the fuel or electricity for {@code spaceW} and {@code dhwW} delivered over {@code dt}.
   */
  void account(
      double spaceW, double dhwW, double flowC, double returnC, double outdoorC, double dtS) {
    switch (type) {
      case GAS ->
          gasJ +=
              (spaceW / condensingEfficiency(returnC) + dhwW / condensingEfficiency(DHW_RETURN_C))
                  * dtS;
      case FERNWAERME -> districtJ += (spaceW + dhwW) * dtS;
      case WAERMEPUMPE ->
          electricityJ +=
              (spaceW / cop(flowC, outdoorC) + dhwW / cop(DHW_STORAGE_C, outdoorC)) * dtS;
      case HYBRID -> accountHybrid(spaceW, dhwW, flowC, returnC, outdoorC, dtS);
    }
  }

  /**
   * Parallel bivalent: the heat pump covers room heating up to its capacity while the flow
   * temperature is within its limit and the outdoor air above the cutoff; the boiler tops up below
   * the bivalence point and takes the hot water.
   */
  private void accountHybrid(
      double spaceW, double dhwW, double flowC, double returnC, double outdoorC, double dtS) {
    boolean heatPumpRuns =
        flowC <= HeatingType.WAERMEPUMPE.limits().maxFlowC()
            && outdoorC > HYBRID_HEAT_PUMP_CUTOFF_C;
    double byHeatPump = heatPumpRuns ? Math.min(spaceW, heatPumpCapacityW(outdoorC)) : 0.0;
    electricityJ += byHeatPump / cop(flowC, outdoorC) * dtS;
    gasJ +=
        ((spaceW - byHeatPump) / condensingEfficiency(returnC)
                + dhwW / condensingEfficiency(DHW_RETURN_C))
            * dtS;
  }
}
