package de.vorlauf.workflows.etl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Turns raw readings into the 15-minute feature matrix: nightly (every active building's last
 * complete local day plus its dirty days) or as a backfill (a building set over a date range). Both
 * run the same code: pages of buildings, split into batch activities run a few at a time.
 *
 * <p><b>Why batched activities, not a child workflow per building.</b> At 10,000 buildings a child
 * per building means 10,000 executions a night and at least two events per child in the parent's
 * history; a batch activity of 20 buildings is about 500 activities and a few thousand events, and
 * it still reports every building-day on its own (done, or failed with its error). The run
 * continues as new between pages once its history passes a few thousand events, carrying only a
 * cursor (the last building id) and its progress, so a year's backfill of the whole fleet never
 * grows one history beyond that.
 */
@WorkflowInterface
public interface NightlyEtlWorkflow {

  /** Workflow ids of nightly runs start with this; backfills with {@link #BACKFILL_ID_PREFIX}. */
  String WORKFLOW_ID_PREFIX = "etl-nightly-";

  String BACKFILL_ID_PREFIX = "etl-backfill-";

  @WorkflowMethod
  EtlProgress run(EtlRequest request);

  /** Building-days done / total and failures so far (the admin UI's progress bar). */
  @QueryMethod
  EtlProgress progress();
}
