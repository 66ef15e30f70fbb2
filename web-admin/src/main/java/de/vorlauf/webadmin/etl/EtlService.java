package de.vorlauf.webadmin.etl;

import de.vorlauf.domain.features.BackfillRange;
import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import de.vorlauf.webadmin.common.BuildingIdsInput;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.config.IngestConfig;
import de.vorlauf.webadmin.schedule.ScheduleDto;
import de.vorlauf.webadmin.schedule.ScheduleService;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.webadmin.temporal.WorkflowQueries;
import de.vorlauf.webadmin.temporal.WorkflowStarts;
import de.vorlauf.webadmin.workflows.WorkflowInspector;
import de.vorlauf.webadmin.workflows.WorkflowNotFoundException;
import de.vorlauf.webadmin.workflows.WorkflowState;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.EtlProgress;
import de.vorlauf.workflows.etl.EtlRequest;
import de.vorlauf.workflows.etl.NightlyEtlWorkflow;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills started from the admin UI ({@link NightlyEtlWorkflow} in BACKFILL mode) and the ETL
 * runs with their progress. The request is checked here with the rules the workflow's plan applies
 * ({@link BackfillRange}), so a refused range is a 400 with the reason, not a failed run.
 */
@ApplicationScoped
public class EtlService {

  public static final String WORKFLOW_TYPE = "NightlyEtlWorkflow";

  static final String NIGHTLY_SCHEDULE = "nightly-etl";

  /** The name of {@link NightlyEtlWorkflow#progress()} as a query type. */
  static final String PROGRESS_QUERY = "progress";

  private static final Logger LOG = LoggerFactory.getLogger(EtlService.class);

  @Inject WorkflowStarts starts;
  @Inject WorkflowQueries queries;
  @Inject AdminConfig config;
  @Inject WorkflowLaunchRepository launches;
  @Inject WorkflowInspector inspector;
  @Inject TemporalUiLinks links;
  @Inject IngestConfig ingest;
  @Inject ScheduleService schedules;

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private final Clock clock = Clock.systemUTC();

  /**
   * Checks the request, records the launch and starts the backfill in one transaction (a start
   * Temporal refuses leaves no row behind).
   *
   * @throws InvalidInputException 400 with the reason: dates, range rules, unknown buildings
   * @throws TemporalUnavailableException when Temporal does not accept the start
   */
  @Transactional
  public BackfillStartedDto start(BackfillInput input, String requestedBy) {
    if (input == null) {
      throw new InvalidInputException("a backfill needs a body: buildingIds, from, to");
    }
    LocalDate from = date("from", input.from());
    LocalDate to = date("to", input.to());
    Instant now = clock.instant();
    BackfillRange range = new BackfillRange(from, to);
    range
        .refusal(BackfillRange.today(now), ingest.rawRetention())
        .ifPresent(
            why -> {
              throw new InvalidInputException("to", why);
            });
    List<String> buildingIds = buildingIds(input.buildingIds());
    EtlRequest request = EtlRequest.backfill(buildingIds, from, to);
    WorkflowLaunch launch =
        starts.start(
            NightlyEtlWorkflow.class,
            WORKFLOW_TYPE,
            NightlyEtlWorkflow.BACKFILL_ID_PREFIX,
            WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.PLATFORM),
            requestedBy,
            now,
            w -> WorkflowClient.start(w::run, request),
            "the backfill");
    String workflowId = launch.getWorkflowId();
    LOG.info(
        "Backfill {} of {} {}..{} started by {}",
        workflowId,
        buildingIds.isEmpty() ? "every active building" : buildingIds.size() + " buildings",
        from,
        to,
        requestedBy);
    return new BackfillStartedDto(
        workflowId,
        launch.getRunId(),
        from,
        to,
        buildingIds.size(),
        buildingIds.isEmpty() ? null : buildingIds.size() * range.days(),
        null,
        links.workflow(workflowId).orElse(null));
  }

  /**
   * The backfills started here and the nightly schedule's recent runs, newest first, each with its
   * progress. Looked up in parallel: a worker that does not answer costs one wait, not one per row.
   */
  public List<EtlRunDto> runs(int limit) {
    List<Started> started = new ArrayList<>();
    for (WorkflowLaunch launch : launches.recent(WORKFLOW_TYPE, limit)) {
      started.add(
          new Started(launch.getWorkflowId(), launch.getStartedBy(), launch.getStartedAt()));
    }
    started.addAll(nightlyRuns());
    List<CompletableFuture<EtlRunDto>> lookups =
        started.stream()
            .sorted(Comparator.comparing(Started::at).reversed())
            .limit(limit)
            .map(s -> CompletableFuture.supplyAsync(() -> run(s), executor))
            .toList();
    return lookups.stream().map(CompletableFuture::join).toList();
  }

  /**
   * @throws WorkflowNotFoundException when the id names no ETL run started here or by the schedule
   */
  public EtlRunDto run(String workflowId) {
    Optional<WorkflowLaunch> launch = launches.find(workflowId);
    if (launch.isPresent() && WORKFLOW_TYPE.equals(launch.get().getWorkflowType())) {
      return run(new Started(workflowId, launch.get().getStartedBy(), launch.get().getStartedAt()));
    }
    return nightlyRuns().stream()
        .filter(s -> s.workflowId().equals(workflowId))
        .findFirst()
        .map(this::run)
        .orElseThrow(() -> new WorkflowNotFoundException(workflowId));
  }

  private record Started(String workflowId, String by, Instant at) {}

  /** The nightly schedule's recent runs; none while Temporal or the schedule cannot be read. */
  private List<Started> nightlyRuns() {
    ScheduleDto schedule;
    try {
      schedule = schedules.get(NIGHTLY_SCHEDULE);
    } catch (RuntimeException e) {
      LOG.debug("nightly ETL schedule not readable", e);
      return List.of();
    }
    return schedule.recentRuns().stream()
        .filter(r -> r.workflowId() != null)
        .map(
            r ->
                new Started(
                    r.workflowId(),
                    "schedule " + VorlaufSchedules.ID_PREFIX + NIGHTLY_SCHEDULE,
                    r.startedAt() != null ? r.startedAt() : r.scheduledAt()))
        .toList();
  }

  private EtlRunDto run(Started started) {
    WorkflowState state = inspector.describe(started.workflowId());
    String problem = null;
    EtlProgress progress = null;
    if (WorkflowState.COMPLETED.equals(state.status())) {
      progress = inspector.result(started.workflowId(), EtlProgress.class).orElse(null);
    }
    if (progress == null && !WorkflowState.UNKNOWN.equals(state.status())) {
      try {
        progress = query(started.workflowId());
        if (progress == null) {
          problem = "the run has not counted its building-days yet";
        }
      } catch (RuntimeException e) {
        problem =
            "no worker answered the progress query: " + TemporalUnavailableException.rootMessage(e);
      }
    } else if (progress == null) {
      problem = state.problem();
    }
    return new EtlRunDto(
        started.workflowId(),
        progress == null ? null : progress.mode().name(),
        started.by(),
        started.at(),
        state.status(),
        state.closedAt(),
        progress == null ? -1 : progress.total(),
        progress == null ? 0 : progress.done(),
        progress == null ? 0 : progress.failed(),
        progress == null ? 0 : progress.fraction(),
        progress == null ? List.of() : progress.failures(),
        problem,
        links.workflow(started.workflowId()).orElse(null));
  }

  private EtlProgress query(String workflowId) {
    return queries.query(
        WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(),
        PROGRESS_QUERY,
        EtlProgress.class);
  }

  private static LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, field + " is required (a day, e.g. 2026-01-31)");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, field + " is not a day like 2026-01-31: " + text);
    }
  }

  /** Distinct, each registered; empty means every active building. */
  private List<String> buildingIds(List<String> requested) {
    return BuildingIdsInput.registered(
        dataSource,
        requested,
        EtlRequest.MAX_BUILDINGS,
        "a backfill names at most " + EtlRequest.MAX_BUILDINGS + " buildings");
  }
}
