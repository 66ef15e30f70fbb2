package de.vorlauf.workflows.vendor;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Polls one vendor cloud integration for ever: every round lists the installations and polls each
 * from its cursor, then waits the interval. Readings and credentials stay in the activities; the
 * workflow carries only cursors and counts, and continues as new every few rounds so its history
 * stays small.
 *
 * <p>Stopping is the {@link #stop()} signal, not a cancellation (the SDK discards the result of a
 * run whose cancellation was requested): polls in flight finish, the workflow ends normally and
 * returns its final {@link PollingStatus}, which the next start takes its cursors from (see {@link
 * PollingLauncher}).
 */
@WorkflowInterface
public interface IngestionPollingWorkflow {

  /** Workflow IDs are this prefix plus the integration id. */
  String WORKFLOW_ID_PREFIX = "vendor-polling-";

  @WorkflowMethod
  PollingStatus run(PollingStart start);

  /** Starts no new round, lets polls in flight finish, then ends the run with its status. */
  @SignalMethod
  void stop();

  /** Finishes polls in flight, then starts no new round until {@link #resume()}. */
  @SignalMethod
  void pause();

  /** Polls at once, then keeps the interval again. */
  @SignalMethod
  void resume();

  /** The pause between rounds from now on; the current wait is shortened or lengthened. */
  @SignalMethod
  void setInterval(Duration interval);

  @QueryMethod
  PollingStatus status();
}
