package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.webadmin.temporal.WorkflowStarts;
import de.vorlauf.webadmin.workflows.WorkflowInspector;
import de.vorlauf.webadmin.workflows.WorkflowNotFoundException;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import de.vorlauf.webadmin.workflows.WorkflowRuns;
import de.vorlauf.webadmin.workflows.WorkflowState;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.selfcheck.PlatformSelfCheckWorkflow;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts {@link PlatformSelfCheckWorkflow}s and tells how the recent ones went. */
@ApplicationScoped
public class SelfCheckService {

  /** A self-check just started. */
  public record Started(String workflowId, String runId) {}

  public static final String WORKFLOW_TYPE = "PlatformSelfCheckWorkflow";

  /** Long enough for every activity's retries, short enough that a forgotten run ends. */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(SelfCheckService.class);

  @Inject WorkflowStarts starts;
  @Inject WorkflowLaunchRepository launches;
  @Inject WorkflowRuns runs;
  @Inject WorkflowInspector inspector;

  private final Clock clock = Clock.systemUTC();

  /**
   * Records the launch, then starts the workflow, in one transaction: a database that is down fails
   * the request before anything runs, and a start Temporal refuses leaves no row behind.
   *
   * @throws TemporalUnavailableException when Temporal does not accept the start
   */
  @Transactional
  public Started start(String requestedBy) {
    Instant now = clock.instant();
    SelfCheckRequest request = new SelfCheckRequest(requestedBy);
    WorkflowLaunch launch =
        starts.start(
            PlatformSelfCheckWorkflow.class,
            WORKFLOW_TYPE,
            PlatformSelfCheckWorkflow.WORKFLOW_ID_PREFIX,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PLATFORM)
                .setWorkflowRunTimeout(RUN_TIMEOUT),
            requestedBy,
            now,
            w -> WorkflowClient.start(w::run, request),
            "the self-check");
    String workflowId = launch.getWorkflowId();
    LOG.info("Self-check {} started by {}", workflowId, requestedBy);
    return new Started(workflowId, launch.getRunId());
  }

  /** The latest launches with their live status. */
  public List<WorkflowRunDto> recent(int limit) {
    return runs.recent(limit);
  }

  /**
   * One self-check and, once it completed, its report.
   *
   * @throws WorkflowNotFoundException when the admin UI did not start this workflow
   */
  public SelfCheckDto get(String workflowId) {
    WorkflowRunDto run =
        runs.run(workflowId).orElseThrow(() -> new WorkflowNotFoundException(workflowId));
    SelfCheckDto.Report report =
        WorkflowState.COMPLETED.equals(run.status())
            ? inspector
                .result(workflowId, SelfCheckReport.class)
                .map(SelfCheckDto.Report::of)
                .orElse(null)
            : null;
    return new SelfCheckDto(run, report);
  }
}
