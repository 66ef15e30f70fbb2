package de.vorlauf.webadmin.workflows;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflows started from the admin UI: the launches Vorlauf records itself, each with its live
 * status from Temporal. The launch table is read without a transaction of its own: plain reads.
 */
@ApplicationScoped
public class WorkflowRuns {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRuns.class);

  /**
   * @param problem why the list could not be read, else null
   */
  public record Listing(List<WorkflowRunDto> runs, String problem) {}

  @Inject WorkflowLaunchRepository launches;
  @Inject WorkflowInspector inspector;
  @Inject TemporalUiLinks ui;

  @Resource ManagedExecutorService executor;

  /**
   * The latest launches for the status page, which must answer even when the database does not.
   *
   * @param temporalUp false when the live probe just found Temporal down: then no run is looked up
   *     (each lookup would wait for its deadline) and all show UNKNOWN
   */
  public Listing list(int limit, boolean temporalUp) {
    List<WorkflowLaunch> recent;
    try {
      recent = launches.recent(limit);
    } catch (RuntimeException e) {
      LOG.debug("cannot list workflow launches", e);
      return new Listing(
          List.of(), "the launch list lives in the database, which cannot be read now");
    }
    if (!temporalUp) {
      return new Listing(recent.stream().map(WorkflowRuns::withoutTemporal).toList(), null);
    }
    return new Listing(toDtos(recent), null);
  }

  /** The latest launches, newest first, with their live status. */
  public List<WorkflowRunDto> recent(int limit) {
    return toDtos(launches.recent(limit));
  }

  /** One launch with its live status; empty when Vorlauf did not start this workflow. */
  public Optional<WorkflowRunDto> run(String workflowId) {
    return launches.find(workflowId).map(this::toDto);
  }

  /** Looks the runs up in parallel: a slow Temporal costs one deadline, not one per row. */
  private List<WorkflowRunDto> toDtos(List<WorkflowLaunch> recent) {
    List<CompletableFuture<WorkflowRunDto>> lookups =
        recent.stream()
            .map(launch -> CompletableFuture.supplyAsync(() -> toDto(launch), executor))
            .toList();
    return lookups.stream().map(CompletableFuture::join).toList();
  }

  private WorkflowRunDto toDto(WorkflowLaunch launch) {
    WorkflowState state = inspector.describe(launch.getWorkflowId());
    return toDto(launch, state, ui.workflow(launch.getWorkflowId()).orElse(null));
  }

  private static WorkflowRunDto withoutTemporal(WorkflowLaunch launch) {
    WorkflowState unknown =
        WorkflowState.unknown(launch.getWorkflowId(), "Temporal is down (see the status above)");
    return toDto(launch, unknown, null);
  }

  /** The recorded launch with what Temporal says now; the live run id wins over the recorded. */
  static WorkflowRunDto toDto(WorkflowLaunch launch, WorkflowState state, String uiUrl) {
    return new WorkflowRunDto(
        launch.getWorkflowId(),
        launch.getWorkflowType(),
        state.runId() != null ? state.runId() : launch.getRunId(),
        launch.getStartedBy(),
        launch.getStartedAt(),
        state.status(),
        state.closedAt(),
        state.problem(),
        uiUrl);
  }
}
