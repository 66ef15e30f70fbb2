package de.vorlauf.webadmin.training;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import de.vorlauf.webadmin.common.BuildingIdsInput;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.webadmin.temporal.WorkflowQueries;
import de.vorlauf.webadmin.temporal.WorkflowStarts;
import de.vorlauf.webadmin.workflows.WorkflowInspector;
import de.vorlauf.webadmin.workflows.WorkflowNotFoundException;
import de.vorlauf.webadmin.workflows.WorkflowState;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.training.TrainingJob;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingRequest;
import de.vorlauf.workflows.training.TrainingStatus;
import de.vorlauf.workflows.training.TrainingWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training runs started from the admin UI ({@link TrainingWorkflow} on {@link TaskQueues#TRAINING})
 * and their progress. The request is checked here with the workflow's own rules ({@link
 * TrainingRequest#problems()}) and the registry, so bad parameters are a 400 naming each, not a
 * failed run.
 */
@ApplicationScoped
public class TrainingService {

  public static final String WORKFLOW_TYPE = "TrainingWorkflow";

  static final int MAX_BUILDINGS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

  @Inject WorkflowStarts starts;
  @Inject WorkflowQueries queries;
  @Inject WorkflowLaunchRepository launches;
  @Inject WorkflowInspector inspector;
  @Inject TemporalUiLinks links;

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  /** A started run and its parameters as the workflow will resolve them. */
  public record Started(String workflowId, TrainingJob job) {}

  /**
   * Checks the request, records the launch and starts the run in one transaction (a start Temporal
   * refuses leaves no row behind).
   *
   * @throws InvalidInputException 400 naming every broken rule
   * @throws TemporalUnavailableException when Temporal does not accept the start
   */
  @Transactional
  public Started start(TrainingRunInput input, String requestedBy) {
    TrainingRunInput in =
        input != null
            ? input
            : new TrainingRunInput(null, null, null, null, null, null, null, null, null);
    TrainingRequest request =
        new TrainingRequest(
            instant("from", in.from()),
            instant("to", in.to()),
            in.lastDays(),
            buildingIds(in.buildingIds()),
            in.horizonHours(),
            in.hiddenLayers(),
            in.epochs(),
            in.learningRate(),
            in.seed(),
            requestedBy);
    List<String> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    WorkflowLaunch launch =
        starts.start(
            TrainingWorkflow.class,
            WORKFLOW_TYPE,
            TrainingWorkflow.WORKFLOW_ID_PREFIX,
            WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.TRAINING),
            requestedBy,
            now,
            w -> WorkflowClient.start(w::train, request),
            "the training run");
    String workflowId = launch.getWorkflowId();
    TrainingJob job = request.resolve(workflowId, launch.getRunId(), now);
    LOG.info(
        "Training {} over {}..{} ({} epochs, layers {}) started by {}",
        workflowId,
        job.from(),
        job.to(),
        job.epochs(),
        job.hiddenLayers(),
        requestedBy);
    return new Started(workflowId, job);
  }

  /** The runs started here, newest first, each with its progress. */
  public List<TrainingRunDto> runs(int limit) {
    List<TrainingRunDto> runs = new ArrayList<>();
    for (WorkflowLaunch launch : launches.recent(WORKFLOW_TYPE, limit)) {
      runs.add(run(launch));
    }
    return runs;
  }

  /**
   * @throws WorkflowNotFoundException when the id names no training run started here
   */
  public TrainingRunDto run(String workflowId) {
    return launches
        .find(workflowId)
        .filter(l -> WORKFLOW_TYPE.equals(l.getWorkflowType()))
        .map(this::run)
        .orElseThrow(() -> new WorkflowNotFoundException(workflowId));
  }

  private TrainingRunDto run(WorkflowLaunch launch) {
    String workflowId = launch.getWorkflowId();
    WorkflowState state = inspector.describe(workflowId);
    TrainingOutcome outcome =
        state.completed() ? inspector.result(workflowId, TrainingOutcome.class).orElse(null) : null;
    TrainingStatus progress = null;
    String problem = null;
    if (!WorkflowState.UNKNOWN.equals(state.status())) {
      try {
        progress = query(workflowId);
      } catch (RuntimeException e) {
        problem =
            "no worker answered the progress query: " + TemporalUnavailableException.rootMessage(e);
      }
    } else {
      problem = state.problem();
    }
    Long trackedRunId =
        outcome != null
            ? Long.valueOf(outcome.runId())
            : progress != null && progress.runId() > 0 ? Long.valueOf(progress.runId()) : null;
    String experiment = de.vorlauf.workflows.training.TrainingActivities.EXPERIMENT;
    return new TrainingRunDto(
        workflowId,
        launch.getStartedBy(),
        launch.getStartedAt(),
        state.status(),
        progress == null ? null : progress.phase().name(),
        progress == null ? 0 : progress.epoch(),
        progress == null ? 0 : progress.maxEpochs(),
        finite(progress == null ? Double.NaN : progress.trainLoss()),
        finite(progress == null ? Double.NaN : progress.validationLoss()),
        progress == null ? 0 : progress.attempt(),
        progress == null ? 0 : progress.resumedFromEpoch(),
        experiment,
        trackedRunId,
        outcome == null ? null : finite(outcome.modelRmseKw()),
        outcome == null ? null : finite(outcome.degreeHoursRmseKw()),
        trackedRunId == null ? null : "/experiments/" + encode(experiment) + "?run=" + trackedRunId,
        "/workflows/" + encode(workflowId),
        links.workflow(workflowId).orElse(null),
        progress == null ? null : progress.message(),
        problem);
  }

  private TrainingStatus query(String workflowId) {
    return queries.query(
        WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(),
        "progress",
        TrainingStatus.class);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + " is not an instant like 2026-11-01T00:00:00Z: " + text);
    }
  }

  /** Distinct, each registered; empty means every active building. */
  private List<String> buildingIds(List<String> requested) {
    return BuildingIdsInput.registered(
        dataSource,
        requested,
        MAX_BUILDINGS,
        "a training run names at most " + MAX_BUILDINGS + " buildings");
  }
}
