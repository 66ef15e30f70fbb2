package de.vorlauf.domain.optimization;

import java.util.Locale;

/**
 * District heating: the heat is billed as delivered, and the network's contract caps the return
 * temperature. When the lowest flow that delivers the heat would return above the cap, the flow is
 * lowered until the predicted return holds it (the substation would throttle anyway), and the heat
 * that is then missing is reported.
 */
final class DistrictHeatingOptimizer extends ModelBasedOptimizer {

  @Override
  protected void shape(HourPlan plan, Setpoint setpoint) {
    double maxReturn = plan.config().heatingType().limits().maxReturnC();
    if (plan.returnAt(setpoint.flowC()) <= maxReturn) {
      return;
    }
    // the return rises with the flow: bisect for the flow whose return is the cap
    double low = plan.targetRoomC();
    double high = setpoint.flowC();
    for (int i = 0; i < 50; i++) {
      double mid = (low + high) / 2;
      if (plan.returnAt(mid) > maxReturn) {
        high = mid;
      } else {
        low = mid;
      }
    }
    setpoint.move(low, "district return limit: flow lowered to hold the return cap");
    double delivered = plan.emitter().heatAt(low, plan.targetRoomC());
    setpoint.violated(
        String.format(
            Locale.ROOT,
            "district return limit: %.2f kW of the %.2f kW needed at a %.0f °C return",
            delivered,
            plan.need().heatKw(),
            maxReturn));
  }
}
