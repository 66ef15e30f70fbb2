package de.vorlauf.webadmin.schedule;

import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.workflows.schedule.CronFallback;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.TemporalSchedules;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The declared schedules ({@link VorlaufSchedules#DECLARED}) as Temporal runs them: state, timing
 * in words, next and recent runs; pause, unpause and trigger. On the in-JVM test server, which has
 * no Schedules, the worker runs them as cron workflows: listed as such, not durable, and the
 * actions are refused (409) with the reason.
 */
@ApplicationScoped
public class ScheduleService {

  static final int RECENT_RUNS = 5;
  static final int NEXT_RUNS = 3;
  static final String NOT_DURABLE =
      "runs as a cron workflow on the in-JVM test server: NOT durable (lost when that server"
          + " restarts), cannot be paused or triggered, runs are not listed here";

  @Inject WorkflowServiceStubs stubs;
  @Inject AdminConfig config;
  @Inject TemporalUiLinks links;

  private volatile ScheduleClient scheduleClient;

  /**
   * Every declared schedule; while Temporal does not answer, each with state {@code unknown} and
   * the reason, so that the page still lists what is declared.
   */
  public List<ScheduleDto> list() {
    boolean inJvm;
    try {
      inJvm = inJvmServer();
    } catch (TemporalUnavailableException e) {
      return VorlaufSchedules.DECLARED.stream().map(d -> unknown(d, e.getMessage())).toList();
    }
    List<ScheduleDto> result = new ArrayList<>();
    for (ScheduleDeclaration declaration : VorlaufSchedules.DECLARED) {
      result.add(inJvm ? cronView(declaration) : view(declaration));
    }
    return result;
  }

  /**
   * @throws UnknownEntityException when no declaration has this id
   */
  public ScheduleDto get(String id) {
    ScheduleDeclaration declaration = declaration(id);
    return inJvmServer() ? cronView(declaration) : view(declaration);
  }

  public ScheduleDto pause(String id, String reason) {
    ScheduleDeclaration declaration = declaration(id);
    refuseOnInJvmServer("paused");
    call(() -> schedules().getHandle(scheduleId(declaration)).pause(reason), declaration);
    return view(declaration);
  }

  public ScheduleDto unpause(String id, String reason) {
    ScheduleDeclaration declaration = declaration(id);
    refuseOnInJvmServer("unpaused");
    call(
        () ->
            schedules()
                .getHandle(scheduleId(declaration))
                .unpause(reason == null ? "unpaused" : reason),
        declaration);
    return view(declaration);
  }

  /** Starts a run now, beside the timing; the overlap policy decides when one still runs. */
  public ScheduleDto trigger(String id) {
    ScheduleDeclaration declaration = declaration(id);
    refuseOnInJvmServer("triggered");
    call(() -> schedules().getHandle(scheduleId(declaration)).trigger(), declaration);
    return view(declaration);
  }

  private ScheduleDto view(ScheduleDeclaration declaration) {
    String scheduleId = scheduleId(declaration);
    ScheduleDescription description;
    try {
      description = schedules().getHandle(scheduleId).describe();
    } catch (RuntimeException e) {
      if (TemporalSchedules.isNotFound(e)) {
        return new ScheduleDto(
            declaration.id(),
            scheduleId,
            declaration.description(),
            declaration.workflowType(),
            "not_created",
            true,
            false,
            declaration.words(),
            declaration.overlap().words(),
            declaration.catchupWindow().toString(),
            null,
            "not created yet: a worker creates it when it starts",
            List.of(),
            List.of(),
            0,
            0,
            0);
      }
      throw unavailable(e);
    }
    boolean paused = description.getSchedule().getState().isPaused();
    List<ScheduleDto.RunDto> runs = new ArrayList<>();
    List<ScheduleActionResult> recent = description.getInfo().getRecentActions();
    for (int i = recent.size() - 1; i >= 0 && runs.size() < RECENT_RUNS; i--) {
      runs.add(run(recent.get(i)));
    }
    List<java.time.Instant> next = description.getInfo().getNextActionTimes();
    String note = description.getSchedule().getState().getNote();
    return new ScheduleDto(
        declaration.id(),
        scheduleId,
        declaration.description(),
        declaration.workflowType(),
        paused ? "paused" : "active",
        true,
        paused,
        TemporalSchedules.actionMemo(description, VorlaufSchedules.MEMO_WORDS)
            .orElse(declaration.words()),
        declaration.overlap().words(),
        description.getSchedule().getPolicy().getCatchupWindow() == null
            ? declaration.catchupWindow().toString()
            : description.getSchedule().getPolicy().getCatchupWindow().toString(),
        note == null || note.isBlank() ? null : note,
        paused ? "paused: no run starts until it is unpaused" : "runs on its timing",
        paused ? List.of() : next.subList(0, Math.min(NEXT_RUNS, next.size())),
        runs,
        description.getInfo().getNumActions(),
        description.getInfo().getNumActionsMissedCatchupWindow(),
        description.getInfo().getNumActionsSkippedOverlap());
  }

  private static ScheduleDto unknown(ScheduleDeclaration declaration, String why) {
    return new ScheduleDto(
        declaration.id(),
        VorlaufSchedules.ID_PREFIX + declaration.id(),
        declaration.description(),
        declaration.workflowType(),
        "unknown",
        true,
        false,
        declaration.words(),
        declaration.overlap().words(),
        declaration.catchupWindow().toString(),
        null,
        why,
        List.of(),
        List.of(),
        0,
        0,
        0);
  }

  private ScheduleDto.RunDto run(ScheduleActionResult action) {
    String workflowId = null;
    String runId = null;
    String outcome = "unknown";
    if (action.getAction() instanceof ScheduleActionExecutionStartWorkflow started) {
      workflowId = started.getWorkflowId();
      runId = started.getFirstExecutionRunId();
      outcome =
          status(workflowId, runId)
              .map(s -> s.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT))
              .orElse("unknown");
    }
    return new ScheduleDto.RunDto(
        workflowId,
        runId,
        action.getScheduledAt(),
        action.getStartedAt(),
        outcome,
        workflowId == null ? null : links.workflow(workflowId).orElse(null));
  }

  private Optional<WorkflowExecutionStatus> status(String workflowId, String runId) {
    try {
      return Optional.of(describe(workflowId, runId).getWorkflowExecutionInfo().getStatus());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private DescribeWorkflowExecutionResponse describe(String workflowId, String runId) {
    WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
    if (runId != null) {
      execution.setRunId(runId);
    }
    return stubs
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(config.temporalNamespace())
                .setExecution(execution)
                .build());
  }

  private ScheduleDto cronView(ScheduleDeclaration declaration) {
    String workflowId = VorlaufSchedules.ID_PREFIX + declaration.id();
    boolean running;
    try {
      running =
          describe(workflowId, null).getWorkflowExecutionInfo().getStatus()
              == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (RuntimeException e) {
      if (!TemporalSchedules.isNotFound(e)) {
        throw unavailable(e);
      }
      running = false;
    }
    String cron;
    try {
      cron = CronFallback.cronWords(declaration, declaration.timing().asCron());
    } catch (IllegalStateException e) {
      cron = e.getMessage();
    }
    return new ScheduleDto(
        declaration.id(),
        workflowId,
        declaration.description(),
        declaration.workflowType(),
        running ? "cron" : "cron_not_running",
        false,
        false,
        declaration.words() + " (" + cron + ")",
        "never overlaps: a cron run starts after the previous one ended",
        declaration.catchupWindow().toString(),
        null,
        running
            ? NOT_DURABLE
            : "no cron workflow runs (declared paused, or no worker started since the server"
                + " did); "
                + NOT_DURABLE,
        List.of(),
        List.of(),
        0,
        0,
        0);
  }

  private ScheduleDeclaration declaration(String id) {
    return VorlaufSchedules.DECLARED.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new UnknownEntityException("schedule", id));
  }

  private static String scheduleId(ScheduleDeclaration declaration) {
    return VorlaufSchedules.ID_PREFIX + declaration.id();
  }

  private void refuseOnInJvmServer(String what) {
    if (inJvmServer()) {
      throw new ConflictException(
          "Not available on the in-JVM test server",
          "the in-JVM Temporal test server has no Schedules; its cron workflows cannot be "
              + what
              + ". Run the Temporal dev server or a cluster for that.");
    }
  }

  private boolean inJvmServer() {
    try {
      return TemporalServerKind.detect(stubs.blockingStub(), Duration.ofSeconds(3))
          .inJvmTestServer();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private void call(Runnable action, ScheduleDeclaration declaration) {
    try {
      action.run();
    } catch (RuntimeException e) {
      if (TemporalSchedules.isNotFound(e)) {
        throw new ConflictException(
            "Schedule not created",
            "schedule " + scheduleId(declaration) + " does not exist yet: a worker creates it");
      }
      throw unavailable(e);
    }
  }

  private ScheduleClient schedules() {
    ScheduleClient client = scheduleClient;
    if (client == null) {
      client =
          ScheduleClient.newInstance(
              stubs,
              ScheduleClientOptions.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .setIdentity("vorlauf-admin")
                  .build());
      scheduleClient = client;
    }
    return client;
  }

  private static TemporalUnavailableException unavailable(RuntimeException e) {
    if (e instanceof TemporalUnavailableException already) {
      return already;
    }
    return new TemporalUnavailableException(
        "Temporal did not answer about the schedules: "
            + e.getMessage()
            + " — check that Temporal runs (status page) and TEMPORAL_ADDRESS",
        e);
  }
}
