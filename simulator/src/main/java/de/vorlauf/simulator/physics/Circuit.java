package de.vorlauf.simulator.physics;

/**
 * Heating circuit 1: the radiators' output {@code Q = Q_nom·((T_mean − T_in)/50)^n} with {@code
 * T_mean} the arithmetic mean of flow and return, and the water side {@code Q = ṁ·c_p·(T_flow −
 * T_return)}. Given a flow temperature and mass flow, the return temperature is the one at which
 * both agree. Mutable outputs instead of a result record keep the per-minute step allocation-free.
 */
final class Circuit {

  /** Water: c_p in J/(kg·K); one litre is taken as one kilogram. */
  static final double CP = 4186.0;

  private static final double NOMINAL_DELTA_K = 50.0;
  private static final int NEWTON_STEPS = 6;

  private final double nominalW;
  private final double exponent;
  private final double designMassFlowKgS;

  double flowC;
  double returnC;
  double massFlowKgS;
  double powerW;

  Circuit(double nominalW, double exponent, double designMassFlowKgS, double startC) {
    this.nominalW = nominalW;
    this.exponent = exponent;
    this.designMassFlowKgS = designMassFlowKgS;
    this.flowC = startC;
    this.returnC = startC;
  }

  /**
   * Runs the circuit at {@code flowTargetC} with the design mass flow, then applies the equipment:
   * a return limit throttles the mass flow (district heating), a generator capacity below the
   * radiators' demand lowers the flow temperature it reaches.
   */
  void run(double flowTargetC, double indoorC, double returnLimitC, double capacityW, double lag) {
    if (!(flowTargetC > indoorC + 0.05) || capacityW <= 0) {
      off(flowTargetC, indoorC, lag);
      return;
    }
    flowC = flowTargetC;
    massFlowKgS = designMassFlowKgS;
    solveReturn(indoorC);
    if (returnC > returnLimitC && flowC > returnLimitC) {
      returnC = returnLimitC;
      powerW = radiatorW((flowC + returnC) / 2, indoorC);
      massFlowKgS = powerW / (CP * (flowC - returnC));
    }
    if (powerW > capacityW) {
      powerW = capacityW;
      double meanC = indoorC + NOMINAL_DELTA_K * Math.pow(powerW / nominalW, 1.0 / exponent);
      double halfSpread = powerW / (2 * massFlowKgS * CP);
      flowC = meanC + halfSpread;
      returnC = meanC - halfSpread;
    }
  }

  /**
   * Pump stopped: no flow, no heat; the pipes cool towards the room, {@code lag} being the fraction
   * of the remaining difference closed in this step.
   */
  void off(double flowNowC, double indoorC, double lag) {
    massFlowKgS = 0;
    powerW = 0;
    flowC = flowNowC;
    returnC += (indoorC - returnC) * lag;
  }

  double radiatorW(double meanC, double indoorC) {
    double x = (meanC - indoorC) / NOMINAL_DELTA_K;
    return x > 0 ? nominalW * Math.pow(x, exponent) : 0.0;
  }

  /**
   * Newton on f(T_r) = Q_rad(T_r) − ṁ·c_p·(T_f − T_r), increasing and convex on (T_in, T_f), warm
   * started from the previous return temperature which moves little from one minute to the next.
   */
  private void solveReturn(double indoorC) {
    double mc = massFlowKgS * CP;
    double tr = Math.max(indoorC, Math.min(flowC, returnC));
    double power = 0;
    for (int i = 0; i < NEWTON_STEPS; i++) {
      double x = ((flowC + tr) / 2 - indoorC) / NOMINAL_DELTA_K;
      power = x > 0 ? nominalW * Math.pow(x, exponent) : 0.0;
      double f = power - mc * (flowC - tr);
      double slope = (x > 0 ? exponent * power / x / (2 * NOMINAL_DELTA_K) : 0.0) + mc;
      double next = Math.max(indoorC, Math.min(flowC, tr - f / slope));
      boolean converged = Math.abs(next - tr) < 1e-6;
      tr = next;
      if (converged) {
        break;
      }
    }
    returnC = tr;
    // report the water-side power so that Q = ṁ·c_p·(T_f − T_r) holds exactly for the meter
    powerW = mc * (flowC - tr);
  }
}
