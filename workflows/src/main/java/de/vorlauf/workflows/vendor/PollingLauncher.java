package de.vorlauf.workflows.vendor;

import de.vorlauf.workflows.TaskQueues;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side start of {@link IngestionPollingWorkflow}s, shared by the worker (autostart) and the
 * admin WAR (start button). A start after a stop carries the cursors and counts of the stopped run
 * (its result), so nothing is fetched twice and the counters keep counting; after a terminated or
 * failed run the first poll reaches back the initial lookback again and the store drops what it
 * already has.
 */
public final class PollingLauncher {

  /** What {@link #ensureRunning} did. */
  public enum Outcome {
    STARTED,
    ALREADY_RUNNING
  }

  private static final Logger log = LoggerFactory.getLogger(PollingLauncher.class);

  private final WorkflowClient client;
  private final String taskQueue;

  public PollingLauncher(WorkflowClient client) {
    this(client, TaskQueues.PLATFORM);
  }

  /** For tests whose worker polls another task queue than {@link TaskQueues#PLATFORM}. */
  public PollingLauncher(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public static String workflowId(String integrationId) {
    return IngestionPollingWorkflow.WORKFLOW_ID_PREFIX + integrationId;
  }

  /**
   * Starts the integration's workflow unless a run is open.
   *
   * @throws io.temporal.client.WorkflowServiceException (or gRPC errors) when Temporal cannot be
   *     reached
   */
  public Outcome ensureRunning(String integrationId, Duration interval, Duration initialLookback) {
    String workflowId = workflowId(integrationId);
    WorkflowStub latest =
        client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    PollingStart start = PollingStart.fresh(integrationId, interval, initialLookback);
    try {
      WorkflowExecutionStatus status = latest.describe().getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return Outcome.ALREADY_RUNNING;
      }
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        PollingStatus last = latest.getResult(5, TimeUnit.SECONDS, PollingStatus.class);
        PollingStart carried = last.toStart();
        start =
            new PollingStart(
                integrationId,
                interval,
                initialLookback,
                false,
                carried.rounds(),
                carried.installations());
      }
    } catch (WorkflowNotFoundException never) {
      // first start of this integration
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      if (isNotFound(e)) {
        log.debug("no earlier run of {}", workflowId);
      } else {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }
    IngestionPollingWorkflow workflow =
        client.newWorkflowStub(
            IngestionPollingWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build());
    try {
      WorkflowClient.start(workflow::run, start);
    } catch (WorkflowExecutionAlreadyStarted raced) {
      return Outcome.ALREADY_RUNNING;
    }
    log.info(
        "polling workflow {} started ({} installations carried over)",
        workflowId,
        start.installations().size());
    return Outcome.STARTED;
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WorkflowNotFoundException
          || (t instanceof io.grpc.StatusRuntimeException s
              && s.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
