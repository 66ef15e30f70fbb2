package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;

/**
 * What a strategy knows when it shapes the setpoint for the coming hour.
 *
 * @param outdoorC the forecast outdoor temperature of the hour
 * @param targetRoomC the room temperature aimed at
 * @param need the heat the hour needs at that room
 * @param emitter the building's emitter model
 * @param history the rest of what the history says
 * @param uaKwPerK the building's heat-loss coefficient from its own history, kW/K
 * @param input everything the optimisation sees (forecast, history)
 */
record HourPlan(
    BuildingConfig config,
    double outdoorC,
    double targetRoomC,
    HeatNeed need,
    EmitterModel emitter,
    HistorySummary history,
    double uaKwPerK,
    OptimizationInput input) {

  /** The lowest flow temperature that delivers the heat needed at the target room. */
  double lowestFlowC() {
    return emitter.flowFor(need.heatKw(), targetRoomC);
  }

  double returnAt(double flowC) {
    return emitter.returnAt(flowC, targetRoomC);
  }
}
