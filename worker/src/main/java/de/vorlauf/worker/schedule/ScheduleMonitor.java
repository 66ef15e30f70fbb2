package de.vorlauf.worker.schedule;

import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Temporal about the declared schedules every {@link #EVERY} and feeds {@link
 * ScheduleMetrics}: their missed and skipped counts, pause state, and the outcome of each recent
 * run once it ended. Not started on the in-JVM test server (no Schedules).
 */
public final class ScheduleMonitor implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ScheduleMonitor.class);

  private final WorkflowClient client;
  private final ScheduleClient schedules;
  private final List<String> scheduleIds;
  private final List<String> declarationIds;
  private final ScheduleMetrics metrics;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vorlauf-schedule-monitor");
            t.setDaemon(true);
            return t;
          });

  private ScheduleMonitor(
      WorkflowClient client,
      String namespace,
      List<ScheduleDeclaration> declarations,
      String idPrefix,
      ScheduleMetrics metrics) {
    this.client = client;
    this.schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder().setNamespace(namespace).build());
    this.declarationIds = declarations.stream().map(ScheduleDeclaration::id).toList();
    this.scheduleIds = declarationIds.stream().map(id -> idPrefix + id).toList();
    this.metrics = metrics;
  }

  public static ScheduleMonitor start(
      WorkflowClient client,
      String namespace,
      List<ScheduleDeclaration> declarations,
      String idPrefix,
      ScheduleMetrics metrics) {
    ScheduleMonitor monitor =
        new ScheduleMonitor(client, namespace, declarations, idPrefix, metrics);
    monitor.timer.scheduleWithFixedDelay(
        monitor::refresh, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return monitor;
  }

  void refresh() {
    for (int i = 0; i < scheduleIds.size(); i++) {
      String declared = declarationIds.get(i);
      try {
        ScheduleDescription description = schedules.getHandle(scheduleIds.get(i)).describe();
        metrics.observe(
            declared,
            description.getInfo().getNumActionsMissedCatchupWindow(),
            description.getInfo().getNumActionsSkippedOverlap(),
            description.getSchedule().getState().isPaused());
        for (ScheduleActionResult action : description.getInfo().getRecentActions()) {
          if (action.getAction() instanceof ScheduleActionExecutionStartWorkflow started) {
            countIfEnded(
                declared,
                WorkflowExecution.newBuilder()
                    .setWorkflowId(started.getWorkflowId())
                    .setRunId(started.getFirstExecutionRunId())
                    .build());
          }
        }
      } catch (RuntimeException e) {
        log.debug("schedule {} not observed: {}", scheduleIds.get(i), e.toString());
      }
    }
  }

  private void countIfEnded(String schedule, WorkflowExecution execution) {
    WorkflowExecutionStatus status =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(execution)
                    .build())
            .getWorkflowExecutionInfo()
            .getStatus();
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      metrics.runEnded(schedule, execution.getRunId(), outcome(status));
    }
  }

  static String outcome(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
