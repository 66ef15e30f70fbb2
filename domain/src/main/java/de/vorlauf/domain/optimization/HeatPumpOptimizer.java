package de.vorlauf.domain.optimization;

/**
 * Heat pump: the COP falls with every kelvin of flow temperature, so the lowest flow that delivers
 * the heat is preferred, and the night setback adds no dip (recovering from it needs a higher flow
 * at a worse COP than the dip saved). Against short cycling the setpoint moves at most {@link
 * #MAX_STEP_K} per hour from the flow measured in the last hour, and while the heat pump runs it is
 * kept at a flow that still draws its minimum modulation instead of being switched off for an hour.
 */
final class HeatPumpOptimizer extends ModelBasedOptimizer {

  /** Largest change of the flow setpoint from one hour to the next, K. */
  static final double MAX_STEP_K = 3.0;

  /** A running heat pump is kept at the flow that draws this share of its largest hourly heat. */
  static final double MIN_RUN_SHARE = 0.2;

  @Override
  protected boolean honoursSetback() {
    return false;
  }

  @Override
  protected void shape(HourPlan plan, Setpoint setpoint) {
    HourObservation last = plan.history().last();
    if (last == null || !EmitterEstimator.heatFlows(last)) {
      return;
    }
    double minRun =
        plan.emitter().flowFor(MIN_RUN_SHARE * plan.history().maxHeatKw(), plan.targetRoomC());
    if (setpoint.flowC() < minRun) {
      setpoint.move(minRun, "minimum run: the heat pump keeps running at its lowest modulation");
    }
    double lastFlow = last.flowC();
    if (setpoint.flowC() > lastFlow + MAX_STEP_K) {
      setpoint.move(
          lastFlow + MAX_STEP_K,
          "short cycling: flow rises at most %.0f K per hour".formatted(MAX_STEP_K));
    } else if (setpoint.flowC() < lastFlow - MAX_STEP_K) {
      setpoint.move(
          lastFlow - MAX_STEP_K,
          "short cycling: flow falls at most %.0f K per hour".formatted(MAX_STEP_K));
    }
  }
}
