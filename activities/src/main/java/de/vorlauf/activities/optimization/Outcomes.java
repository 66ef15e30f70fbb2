package de.vorlauf.activities.optimization;

import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.optimization.StoredOptimization;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.BuildingOutcome.Status;

/** A building's outcome from what was stored, or from why nothing was. */
final class Outcomes {

  private Outcomes() {}

  /**
   * DONE, or FALLBACK with the reason {@code <Fallback>: <cause>} (the metrics take the part before
   * the colon).
   */
  static BuildingOutcome of(StoredOptimization stored, String commandId) {
    OptimizationResult r = stored.result();
    return new BuildingOutcome(
        r.buildingId(),
        r.isFallback() ? Status.FALLBACK : Status.DONE,
        r.isFallback() ? r.fallback().name() + ": " + r.fallbackReason() : null,
        r.recommendedFlowC(),
        r.baselineFlowC(),
        r.predictedSavingsPercent(),
        r.confidence(),
        stored.modelVersion(),
        commandId);
  }

  static BuildingOutcome skipped(String buildingId, String reason) {
    return nothing(buildingId, Status.SKIPPED, reason);
  }

  static BuildingOutcome failed(String buildingId, String reason) {
    return nothing(buildingId, Status.FAILED, reason);
  }

  private static BuildingOutcome nothing(String buildingId, Status status, String reason) {
    return new BuildingOutcome(buildingId, status, reason, Double.NaN, Double.NaN, 0, 0, 0, null);
  }
}
