package de.vorlauf.workflows.schedule;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The declarations as cron workflows, for the in-JVM test server, which has no Schedules: one
 * workflow per declaration, id {@code <prefix><id>}, with the timing as its cron schedule. Not
 * durable: the server keeps nothing across a restart, and a cron workflow cannot be paused or
 * triggered (the Schedules page says so), and a calendar timing is read in UTC (the test server
 * knows no {@code CRON_TZ}). Overlap never happens: a cron run starts after the previous one ended;
 * a run missed while the worker was down starts once when it is back.
 */
public final class CronFallback {

  /** What happened to one declaration. */
  public enum Outcome {
    STARTED,
    ALREADY_RUNNING,
    /** Declared paused by default: a cron workflow cannot be paused, so none runs. */
    NOT_STARTED_PAUSED,
    FAILED
  }

  public record Result(String workflowId, Outcome outcome, String detail) {}

  private final WorkflowClient client;
  private final String idPrefix;

  public CronFallback(WorkflowClient client, String idPrefix) {
    this.client = client;
    this.idPrefix = idPrefix;
  }

  public String workflowId(ScheduleDeclaration declaration) {
    return idPrefix + declaration.id();
  }

  public List<Result> ensure(List<ScheduleDeclaration> declarations) {
    List<Result> results = new ArrayList<>();
    for (ScheduleDeclaration declaration : declarations) {
      results.add(ensure(declaration));
    }
    return results;
  }

  /** "cron '0 2 * * *' in UTC, not in Europe/Berlin" where the zone is lost. */
  public static String cronWords(ScheduleDeclaration declaration, String cron) {
    return "cron '"
        + cron
        + "'"
        + (declaration.timing().readInUtcOnCron()
            ? " in UTC, not in " + declaration.timing().zone().getId()
            : "");
  }

  public Result ensure(ScheduleDeclaration declaration) {
    String id = workflowId(declaration);
    if (declaration.pausedByDefault()) {
      return new Result(id, Outcome.NOT_STARTED_PAUSED, "declared paused; cron cannot pause");
    }
    String cron;
    try {
      cron = declaration.timing().asCron();
    } catch (IllegalStateException e) {
      return new Result(id, Outcome.FAILED, e.getMessage());
    }
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(declaration.taskQueue())
            .setCronSchedule(cron)
            .setWorkflowRunTimeout(declaration.runTimeout())
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setMemo(
                Map.of(
                    VorlaufSchedules.MEMO_SCHEDULE, declaration.id(),
                    VorlaufSchedules.MEMO_FINGERPRINT, declaration.fingerprint(),
                    VorlaufSchedules.MEMO_WORDS, declaration.words()))
            .build();
    try {
      client.newUntypedWorkflowStub(declaration.workflowType(), options).start(declaration.input());
      return new Result(id, Outcome.STARTED, cronWords(declaration, cron));
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Result(id, Outcome.ALREADY_RUNNING, cronWords(declaration, cron));
    } catch (RuntimeException e) {
      return new Result(id, Outcome.FAILED, e.toString());
    }
  }
}
