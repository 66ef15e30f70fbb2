package de.vorlauf.bench.closedloop;

import de.vorlauf.simulator.runtime.EnergyReport;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.training.RegisteredVersion;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: both energy reports over the same period, what the optimisation did each
 * hour, and where the wall time went.
 *
 * @param optimizer which optimisation ran (see {@link ClosedLoopOptimization#describe})
 * @param hoursByBuilding optimisation outcomes per building (one per simulated hour when complete)
 * @param reasons outcomes per status and kind of reason (fallbacks, skips, failures)
 * @param applied setpoints the simulated devices applied (acknowledged as applied)
 * @param rejected setpoints they rejected (out of the equipment's limits, expired)
 * @param periodSeconds wall time of the period's simulated hours (the 30-minute target)
 * @param stageSeconds wall time per stage, setup, history and training included
 */
record ClosedLoopResult(
    ClosedLoopConfig config,
    RegisteredVersion model,
    String optimizer,
    EnergyReport baseline,
    EnergyReport vorlauf,
    long hours,
    Map<String, Integer> hoursByBuilding,
    Map<BuildingOutcome.Status, Integer> statuses,
    Map<String, Integer> reasons,
    List<String> failures,
    long published,
    long applied,
    long rejected,
    double periodSeconds,
    Map<String, Double> stageSeconds) {}
