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
        commandId,
        false);
  }

  static BuildingOutcome skipped(String buildingId, String reason) {
    return nothing(buildingId, Status.SKIPPED, reason);
  }

  /** FAILED, worth another attempt: the cause may pass (database, broker, a missing device). */
  static BuildingOutcome failed(String buildingId, String reason) {
    return nothing(buildingId, Status.FAILED, reason, true);
  }

  /** FAILED for good: the registry row does not make a valid configuration. */
  static BuildingOutcome invalid(String buildingId, String problem) {
    return nothing(buildingId, Status.FAILED, "invalid configuration: " + problem, false);
  }

  private static BuildingOutcome nothing(String buildingId, Status status, String reason) {
    return nothing(buildingId, status, reason, false);
  }

  private static BuildingOutcome nothing(
      String buildingId, Status status, String reason, boolean retryable) {
    return new BuildingOutcome(
        buildingId, status, reason, Double.NaN, Double.NaN, 0, 0, 0, null, retryable);
  }
}
