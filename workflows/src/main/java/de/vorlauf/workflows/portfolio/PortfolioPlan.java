package de.vorlauf.workflows.portfolio;

import java.util.List;

/**
 * A run's row and batches.
 *
 * @param runKey the {@code portfolio_runs} row
 * @param buildingsTotal active buildings when the run began
 * @param batchEnds the last building id of every full batch, ascending; the batch after the last
 *     one is open-ended (it also takes buildings activated since)
 */
public record PortfolioPlan(long runKey, int buildingsTotal, List<String> batchEnds) {

  public PortfolioPlan {
    batchEnds = List.copyOf(batchEnds);
  }
}
