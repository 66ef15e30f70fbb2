package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.HeatingType;

/**
 * Hybrid heat pump and gas boiler, steered through the flow temperature alone (the command has no
 * generator field): while the flow stays within the heat pump's limit the heat pump runs, above it
 * the boiler takes over. The lowest flow that delivers the heat is preferred for both; the flow
 * never crosses the heat pump's limit unless the heat needed asks for it, and then it is reported.
 */
final class HybridOptimizer extends ModelBasedOptimizer {

  static final double HEAT_PUMP_MAX_FLOW_C = HeatingType.WAERMEPUMPE.limits().maxFlowC();

  @Override
  protected void shape(HourPlan plan, Setpoint setpoint) {
    if (setpoint.flowC() > HEAT_PUMP_MAX_FLOW_C) {
      setpoint.violated("heat pump flow limit: the heat needed asks for the boiler");
    }
  }
}
