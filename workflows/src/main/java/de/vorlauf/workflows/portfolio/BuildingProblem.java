package de.vorlauf.workflows.portfolio;

import de.vorlauf.workflows.optimization.BuildingOutcome;

/**
 * A building of a run that did not get its setpoint: a row of {@code portfolio_run_buildings}.
 *
 * @param status FAILED or SKIPPED
 * @param attempts attempts made, the first included
 * @param retryable the last attempt's failure was worth a retry (false: an invalid configuration,
 *     or skipped)
 */
public record BuildingProblem(
    String buildingId,
    BuildingOutcome.Status status,
    String reason,
    int attempts,
    boolean retryable) {

  public static BuildingProblem of(BuildingOutcome outcome, int attempts) {
    return new BuildingProblem(
        outcome.buildingId(),
        outcome.status(),
        outcome.reason() == null ? "" : outcome.reason(),
        attempts,
        outcome.retryable());
  }

  boolean worthRetry(int maxAttempts) {
    return status == BuildingOutcome.Status.FAILED && retryable && attempts < maxAttempts;
  }
}
