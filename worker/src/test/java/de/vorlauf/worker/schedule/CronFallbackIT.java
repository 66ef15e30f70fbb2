package de.vorlauf.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.schedule.Overlap;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.domain.schedule.ScheduleTiming;
import de.vorlauf.worker.config.ScheduleSettings;
import de.vorlauf.workflows.schedule.CronFallback;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-JVM test server has no Schedules: the same declarations become cron workflows, started
 * once (a second worker start finds them running), with the timing as their cron schedule, a time
 * calendar read in UTC (the test server has no time zones); one declared paused is not started (a
 * cron workflow cannot be paused).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CronFallbackIT {

  private RunningTemporal temporal;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  @BeforeAll
  void startTheInJvmServer(@TempDir Path dir) {
    temporal = TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.IN_JVM));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    client = WorkflowClient.newInstance(stubs);
  }

  @AfterAll
  void stop() {
    if (stubs != null) {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void declarationsRunAsCronWorkflowsStartedOnce() {
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    CronFallback fallback = new CronFallback(client, prefix);
    ScheduleDeclaration hourly =
        declaration("hourly", ScheduleTiming.every(Duration.ofHours(1)), false);
    ScheduleDeclaration nightly =
        declaration("nightly", ScheduleTiming.cron("0 2 * * *", ZoneId.of("Europe/Berlin")), false);
    ScheduleDeclaration held = declaration("held", ScheduleTiming.every(Duration.ofHours(1)), true);

    List<CronFallback.Result> first = fallback.ensure(List.of(hourly, nightly, held));
    assertThat(first)
        .as(first.toString())
        .extracting(CronFallback.Result::outcome)
        .containsExactly(
            CronFallback.Outcome.STARTED,
            CronFallback.Outcome.STARTED,
            CronFallback.Outcome.NOT_STARTED_PAUSED);
    assertThat(fallback.ensure(List.of(hourly, nightly)))
        .extracting(CronFallback.Result::outcome)
        .containsOnly(CronFallback.Outcome.ALREADY_RUNNING);

    assertThat(cronOf(prefix + "hourly")).isEqualTo("0 * * * *");
    assertThat(cronOf(prefix + "nightly")).isEqualTo("0 2 * * *");
    assertThat(first.get(1).detail()).isEqualTo("cron '0 2 * * *' in UTC, not in Europe/Berlin");
    assertThat(client.newUntypedWorkflowStub(prefix + "hourly").describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void theWorkerFallsBackOnTheInJvmServer() {
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    ScheduleSetup.run(
        client,
        "default",
        TemporalServerKind.IN_JVM,
        new ScheduleSettings(VorlaufSchedules.DECLARED, ScheduleOverrides.none(), prefix));

    assertThat(cronOf(prefix + VorlaufSchedules.PLATFORM_SELF_CHECK)).isEqualTo("0 * * * *");
  }

  private String cronOf(String workflowId) {
    HistoryEvent first = client.fetchHistory(workflowId).getHistory().getEvents(0);
    return first.getWorkflowExecutionStartedEventAttributes().getCronSchedule();
  }

  private static ScheduleDeclaration declaration(String id, ScheduleTiming timing, boolean paused) {
    return new ScheduleDeclaration(
        id,
        "a test job",
        "PlatformSelfCheckWorkflow",
        "it-cron-" + id,
        new SelfCheckRequest("it"),
        timing,
        Overlap.SKIP,
        Duration.ofMinutes(10),
        paused,
        Duration.ofMinutes(5));
  }
}
