package de.vorlauf.webadmin.workflows;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.webadmin.selfcheck.SelfCheckService;
import de.vorlauf.webadmin.status.StatusMapper;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recent launches from Vorlauf's own table, each with its live status from Temporal. */
@ApplicationScoped
public class WorkflowRuns {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRuns.class);

  /**
   * @param problem why the list could not be read, else null
   */
  public record Listing(List<WorkflowRunDto> runs, String problem) {}

  @Inject SelfCheckService selfChecks;
  @Inject TemporalUiLinks ui;

  @Resource ManagedExecutorService executor;

  /**
   * @param temporalUp false when the live probe just found Temporal down: then no run is looked up
   *     (each lookup would wait for its deadline) and all show UNKNOWN
   */
  public Listing list(int limit, boolean temporalUp) {
    List<WorkflowLaunch> launches;
    try {
      launches = selfChecks.recent(limit);
    } catch (RuntimeException e) {
      LOG.debug("cannot list workflow launches", e);
      return new Listing(
          List.of(), "the launch list lives in the database, which cannot be read now");
    }
    if (!temporalUp) {
      return new Listing(launches.stream().map(WorkflowRuns::withoutTemporal).toList(), null);
    }
    return new Listing(toDtos(launches), null);
  }

  /** Looks the runs up in parallel: a slow Temporal costs one deadline, not one per row. */
  public List<WorkflowRunDto> toDtos(List<WorkflowLaunch> launches) {
    List<CompletableFuture<WorkflowRunDto>> lookups =
        launches.stream()
            .map(launch -> CompletableFuture.supplyAsync(() -> toDto(launch), executor))
            .toList();
    return lookups.stream().map(CompletableFuture::join).toList();
  }

  private static WorkflowRunDto withoutTemporal(WorkflowLaunch launch) {
    WorkflowState unknown =
        WorkflowState.unknown(launch.getWorkflowId(), "Temporal is down (see the status above)");
    return StatusMapper.toDto(launch, unknown, null);
  }

  public WorkflowRunDto toDto(WorkflowLaunch launch) {
    WorkflowState state = selfChecks.state(launch.getWorkflowId());
    return StatusMapper.toDto(launch, state, ui.workflow(launch.getWorkflowId()).orElse(null));
  }
}
