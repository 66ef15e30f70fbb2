package de.vorlauf.worker.schedule;

import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.worker.config.ScheduleSettings;
import de.vorlauf.workflows.schedule.CronFallback;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.ScheduleReconciler;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the declared schedules when the worker starts: Temporal Schedules where the server has
 * them ({@link ScheduleReconciler}), cron workflows on the in-JVM test server ({@link
 * CronFallback}), with a warning that they are not durable there. Failures are logged and do not
 * stop the worker: it still serves every other workflow, and the next start tries again.
 */
public final class ScheduleSetup {

  private static final Logger log = LoggerFactory.getLogger(ScheduleSetup.class);

  private ScheduleSetup() {}

  public static void run(
      WorkflowClient client, String namespace, TemporalServerKind kind, ScheduleSettings settings) {
    List<ScheduleDeclaration> declarations = settings.effective();
    ScheduleOverrides overrides = settings.overrides();
    for (String unknown : VorlaufSchedules.unknownOverrides(settings.declarations(), overrides)) {
      log.warn(
          "VORLAUF_SCHEDULE_OVERRIDES names schedule '{}', which is not declared: ignored",
          unknown);
    }
    if (declarations.isEmpty()) {
      return;
    }
    try {
      if (kind.inJvmTestServer()) {
        log.warn(
            "the in-JVM Temporal test server has no Schedules: {} declared schedule(s) run as cron"
                + " workflows, which are NOT durable (lost when the server restarts) and cannot be"
                + " paused or triggered",
            declarations.size());
        for (CronFallback.Result result :
            new CronFallback(client, settings.idPrefix()).ensure(declarations)) {
          log(
              result.workflowId(),
              result.outcome().name(),
              result.detail(),
              result.outcome() == CronFallback.Outcome.FAILED);
        }
        return;
      }
      ScheduleClient schedules =
          ScheduleClient.newInstance(
              client.getWorkflowServiceStubs(),
              ScheduleClientOptions.newBuilder().setNamespace(namespace).build());
      for (ScheduleReconciler.Result result :
          new ScheduleReconciler(schedules, settings.idPrefix()).reconcile(declarations)) {
        log(
            result.scheduleId(),
            result.outcome().name(),
            result.detail(),
            result.outcome() == ScheduleReconciler.Outcome.FAILED
                || result.outcome() == ScheduleReconciler.Outcome.NOT_DECLARED);
      }
    } catch (RuntimeException e) {
      log.error("setting up the schedules failed: {}", e.getMessage(), e);
    }
  }

  private static void log(String id, String outcome, String detail, boolean warn) {
    if (warn) {
      log.warn("schedule {}: {} ({})", id, outcome, detail);
    } else {
      log.info("schedule {}: {} ({})", id, outcome, detail);
    }
  }
}
