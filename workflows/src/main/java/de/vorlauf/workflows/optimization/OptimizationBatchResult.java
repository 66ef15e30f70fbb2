package de.vorlauf.workflows.optimization;

import java.util.List;

/** The batch's per-building outcomes, in the batch's order. */
public record OptimizationBatchResult(List<BuildingOutcome> outcomes) {

  public OptimizationBatchResult {
    outcomes = List.copyOf(outcomes);
  }

  public long count(BuildingOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }
}
