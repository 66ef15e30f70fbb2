package de.vorlauf.workflows.portfolio;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The hourly optimisation of every active building: one setpoint per building for the hour that
 * begins at the run's "as of" instant, a run summary in {@code portfolio_runs} (V161).
 *
 * <p><b>Small histories at 10,000 buildings.</b> Building ids do not pass through the history: the
 * run asks once for the batch boundaries (every {@code batchSize}-th active building id), and each
 * batch activity optimises the active buildings between two boundaries, returning counts and only
 * its problem buildings (failed or skipped). At 50 buildings a batch that is 200 boundaries and
 * about 2,200 events for the whole fleet (measured), so the run needs no continue-as-new.
 *
 * <p><b>Per-building retries.</b> A building that failed with a retryable cause is tried again in a
 * later batch after a durable timer ({@code retryBackoff}, doubled per attempt) up to {@code
 * maxAttempts}; an invalid configuration is recorded at once. A building failing never fails the
 * run; a batch activity that fails through its own retries fails its buildings, not the run.
 */
@WorkflowInterface
public interface PortfolioOptimizationWorkflow {

  /** Workflow ids of runs started by hand (the schedule names its own) start with this. */
  String WORKFLOW_ID_PREFIX = "portfolio-optimization-";

  @WorkflowMethod
  PortfolioSummary run(PortfolioRequest request);

  /** The counts so far (the same numbers the run last wrote to {@code portfolio_runs}). */
  @QueryMethod
  PortfolioSummary progress();
}
