package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.Bivalence;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;

/**
 * Hybrid heat pump and gas boiler, steered through the flow temperature alone (the command has no
 * generator field): while the flow stays within the heat pump's limit the heat pump runs, above it
 * the boiler takes over; below the bivalence point ({@link Bivalence}) the heat pump is at its
 * capacity and every further kilowatt is the boiler's, at about three times the final energy.
 *
 * <p>So the strategy moves heat out of the cold hours into the mild ones, on the building's thermal
 * mass: while the outlook ({@link OutdoorOutlook}: the forecast, with the building's own daily
 * cycle when the forecast is flat) shows an hour below the bivalence point within {@link
 * #HORIZON_H} hours, the room is aimed {@link #PREHEAT_K} above the usual target (the heat pump
 * charges the mass); in an hour below the bivalence point the room may coast down to the comfort
 * minimum plus {@link #COAST_MARGIN_K}. Only with a measured room: an estimated one keeps the usual
 * target and its wider margin. The lowest flow that delivers the heat is preferred as for every
 * type; the flow never crosses the heat pump's limit unless the heat needed asks for it, and then
 * it is reported.
 */
final class HybridOptimizer extends ModelBasedOptimizer {

  static final double HEAT_PUMP_MAX_FLOW_C = HeatingType.WAERMEPUMPE.limits().maxFlowC();

  /** Hours of outlook searched for cold hours to preheat for. */
  static final int HORIZON_H = 6;

  /** Kelvin above the usual target while cold hours are coming. */
  static final double PREHEAT_K = 0.3;

  /** Kelvin above the comfort minimum the room may coast down to below the bivalence point. */
  static final double COAST_MARGIN_K = 0.15;

  @Override
  protected double targetRoomC(
      OptimizationInput input,
      HistorySummary history,
      double uaKwPerK,
      boolean roomMeasured,
      double usual) {
    BuildingConfig config = input.config();
    var bivalence = Bivalence.of(config.heatingType());
    double[] outlook = OutdoorOutlook.of(input, HORIZON_H);
    if (!roomMeasured || bivalence.isEmpty() || outlook.length == 0) {
      return usual;
    }
    double point = bivalence.get().pointC();
    if (outlook[0] < point) {
      return Math.min(usual, config.comfortTempMin() + COAST_MARGIN_K);
    }
    double coldest = Double.POSITIVE_INFINITY;
    for (double t : outlook) {
      coldest = Math.min(coldest, t);
    }
    if (coldest < point) {
      return Math.min(config.comfortTempMax(), usual + PREHEAT_K);
    }
    return usual;
  }

  /**
   * The heat pump's heat, estimated from the building's own heat-loss coefficient: the norm heat
   * load at the bivalence point (DIN EN 12831: the design room temperature, no free gains), the
   * load an installer sizes the heat pump for.
   */
  static double heatPumpKw(HourPlan plan, Bivalence bivalence) {
    return Math.max(0, plan.uaKwPerK() * bivalence.designLoadK());
  }

  @Override
  protected void shape(HourPlan plan, Setpoint setpoint) {
    BuildingConfig config = plan.config();
    var bivalence = Bivalence.of(config.heatingType());
    double latest = plan.need().latestRoomC();
    boolean roomHasSlack =
        plan.emitter().roomMeasured()
            && Double.isFinite(latest)
            && latest >= config.comfortTempMin() + COAST_MARGIN_K;
    if (bivalence.isPresent() && roomHasSlack) {
      double flow = plan.emitter().flowFor(heatPumpKw(plan, bivalence.get()), plan.targetRoomC());
      if (setpoint.flowC() > flow) {
        setpoint.move(
            flow, "bivalence: no more heat than the heat pump gives while the room has slack");
      }
    }
    if (setpoint.flowC() > HEAT_PUMP_MAX_FLOW_C) {
      setpoint.violated("heat pump flow limit: the heat needed asks for the boiler");
    }
  }
}
