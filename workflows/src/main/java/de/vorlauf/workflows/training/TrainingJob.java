package de.vorlauf.workflows.training;

import java.time.Instant;
import java.util.List;

/**
 * A training run's parameters as the workflow fixed them (defaults filled in, window resolved): the
 * train activity's input, so every retry trains on the same window.
 *
 * @param workflowId names the run in experiment tracking ({@link #runKey()})
 */
public record TrainingJob(
    String workflowId,
    String workflowRunId,
    Instant from,
    Instant to,
    List<String> buildingIds,
    int horizonHours,
    List<Integer> hiddenLayers,
    int epochs,
    double learningRate,
    long seed,
    String requestedBy) {

  public TrainingJob {
    buildingIds = List.copyOf(buildingIds);
    hiddenLayers = List.copyOf(hiddenLayers);
  }

  /** Experiment tracking's run key: one tracked run per workflow, whatever the retries. */
  public String runKey() {
    return workflowId + "/train";
  }
}
