package de.vorlauf.webadmin.temporal;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the WAR starts a workflow an operator asked for (self-check, ETL backfill, training): a
 * workflow id of the type's prefix, the time and a random suffix; the launch recorded (who, when)
 * before the start, in the caller's transaction, so a database that is down fails the request
 * before anything runs and a start Temporal refuses leaves no row behind.
 */
@ApplicationScoped
public class WorkflowStarts {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  @Inject WorkflowClient client;
  @Inject WorkflowLaunchRepository launches;

  /**
   * Records and starts one run; the launch comes back with its run id.
   *
   * @param options the task queue and timeouts; the workflow id is set here
   * @param start starts the stub, e.g. {@code w -> WorkflowClient.start(w::run, request)}
   * @param what what the operator started, for the error ("the backfill")
   * @throws TemporalUnavailableException when Temporal does not accept the start
   */
  public <W> WorkflowLaunch start(
      Class<W> workflowInterface,
      String workflowType,
      String idPrefix,
      WorkflowOptions.Builder options,
      String requestedBy,
      Instant now,
      Function<W, WorkflowExecution> start,
      String what) {
    String workflowId =
        idPrefix + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
    WorkflowLaunch launch = new WorkflowLaunch(workflowId, workflowType, null, requestedBy, now);
    launches.record(launch);
    W workflow =
        client.newWorkflowStub(workflowInterface, options.setWorkflowId(workflowId).build());
    try {
      launch.setRunId(start.apply(workflow).getRunId());
    } catch (RuntimeException e) {
      throw new TemporalUnavailableException(
          "Temporal did not accept "
              + what
              + ": "
              + TemporalUnavailableException.rootMessage(e)
              + " — check that Temporal runs (status page) and TEMPORAL_ADDRESS",
          e);
    }
    return launch;
  }
}
