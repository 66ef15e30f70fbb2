package de.vorlauf.workflows.optimization;

/**
 * One building's optimisation outcome.
 *
 * @param status what happened
 * @param reason why it failed, was skipped or fell back; null when done
 * @param flowC the flow temperature set (NaN when failed or skipped)
 * @param baselineFlowC the building's own curve at the same instant (NaN when unknown)
 * @param predictedSavingsPercent the optimiser's prediction (0 for a fallback)
 * @param modelVersion the version that predicted; 0 when none did
 * @param commandId the published command's id; null when nothing was published
 * @param retryable a FAILED building whose next attempt may succeed (a database error, a broker
 *     that did not answer); false for an invalid configuration, which only an operator's change
 *     repairs, and for every other status
 */
public record BuildingOutcome(
    String buildingId,
    Status status,
    String reason,
    double flowC,
    double baselineFlowC,
    double predictedSavingsPercent,
    double confidence,
    int modelVersion,
    String commandId,
    boolean retryable) {

  public enum Status {
    DONE,
    FALLBACK,
    SKIPPED,
    FAILED
  }
}
