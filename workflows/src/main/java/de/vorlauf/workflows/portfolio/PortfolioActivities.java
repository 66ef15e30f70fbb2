package de.vorlauf.workflows.portfolio;

import io.temporal.activity.ActivityInterface;

/**
 * The portfolio run's access to the registry, the optimisation and its run summary ({@code
 * portfolio_runs}, {@code portfolio_run_buildings}, V161). Only counts, batch boundaries and
 * problem buildings cross the workflow boundary.
 */
@ActivityInterface(namePrefix = "Portfolio")
public interface PortfolioActivities {

  /**
   * Writes the run's row (state RUNNING) and plans its batches: the number of active buildings and
   * every {@code batchSize}-th active building id. Marks runs that stayed RUNNING without an update
   * for {@code start.staleAfter()} FAILED (their workflow was terminated or timed out). Idempotent:
   * a retry finds the row of {@code (workflowId, runId)} and plans again.
   */
  PortfolioPlan begin(PortfolioStart start);

  /**
   * Optimises the batch's buildings (the active ones of its id range, or its explicit ids) through
   * the optimisation of issue 22 and answers with counts and the failed and skipped buildings. A
   * retry is safe: a building already stored for the hour is answered from the store, not optimised
   * or published again. Writes nothing to the run summary.
   */
  PortfolioBatchResult optimize(PortfolioBatch batch);

  /** The active building ids of a range batch; for a batch that failed as a whole. Read-only. */
  PortfolioBuildings buildingsOf(PortfolioBatch batch);

  /**
   * Writes the run's counts (absolute, not added: a retry writes the same numbers) and adds the
   * problem buildings given (replacing an earlier row of the same building). With a final state
   * (COMPLETED, FAILED) it also sets {@code finished_at} and the error; a finished run is not
   * changed again.
   */
  void record(PortfolioRecord record);
}
