package de.vorlauf.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.activities.etl.EtlActivitiesImpl;
import de.vorlauf.activities.etl.EtlListener;
import de.vorlauf.activities.etl.EtlSettings;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.testdata.MigratedWithTestData;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlProgress;
import de.vorlauf.workflows.etl.NightlyEtlWorkflowImpl;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.ScheduleReconciler;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code nightly-etl} declaration on the Temporal CLI dev server: reconciled as a worker
 * does at start, triggered, and the run it starts ({@code NightlyEtlWorkflow} with the real ETL
 * activities, wired as {@code VorlaufWorker} wires them) writes the features of the simulator's
 * test data (6 buildings, 2026-01-05 for 14 days) for a day that late data marked dirty. Raw
 * retention is set long enough to reach back to that data, which is older than the default 90 days.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyEtlScheduleIT {

  private static final String SCHEDULE_ID =
      VorlaufSchedules.ID_PREFIX + VorlaufSchedules.NIGHTLY_ETL;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private TestDatabase db;
  private RunningTemporal temporal;
  private WorkflowServiceStubs stubs;
  private WorkerFactory workers;
  private ScheduleClient schedules;

  @BeforeAll
  void start(TestDatabase database, @TempDir Path dir) {
    db = database;
    temporal = TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.CLI_DEV_SERVER));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    schedules = ScheduleClient.newInstance(stubs);
    DataSource ds = database.dataSource();
    workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker(TaskQueues.PLATFORM);
    worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new EtlActivitiesImpl(
            new FeatureSource(ds),
            new FeatureStore(ds),
            new EtlBuildings(ds),
            new FeatureCalculator(HolidayCalendar.germany()),
            new EtlSettings(Duration.ofDays(2_000), Duration.ofDays(4_000), 2, Duration.ZERO),
            Clock.systemUTC(),
            EtlListener.NONE));
    workers.start();
  }

  @AfterAll
  void stop() {
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (stubs != null) {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void theTriggeredScheduleWritesTheFeaturesOfADirtyDayOfSimulatorData() throws Exception {
    ScheduleDeclaration nightly =
        VorlaufSchedules.DECLARED.stream()
            .filter(d -> d.id().equals(VorlaufSchedules.NIGHTLY_ETL))
            .findFirst()
            .orElseThrow();
    new ScheduleReconciler(schedules, VorlaufSchedules.ID_PREFIX).reconcile(List.of(nightly));
    long buildings = db.count("SELECT count(*) FROM buildings WHERE active");
    assertThat(buildings).isPositive();
    db.execute(
        "INSERT INTO etl_dirty_days (building_id, day, marked_at)"
            + " SELECT id, DATE '2026-01-09', now() - INTERVAL '1 minute' FROM buildings"
            + " WHERE active");

    schedules.getHandle(SCHEDULE_ID).trigger();
    String workflowId =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    schedules
                        .getHandle(SCHEDULE_ID)
                        .describe()
                        .getInfo()
                        .getRecentActions()
                        .stream()
                        .map(a -> a.getAction())
                        .filter(a -> a instanceof ScheduleActionExecutionStartWorkflow)
                        .map(a -> ((ScheduleActionExecutionStartWorkflow) a).getWorkflowId())
                        .findFirst()
                        .orElse(null),
                id -> id != null);
    EtlProgress progress =
        WorkflowClient.newInstance(stubs)
            .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
            .getResult(WAIT.toSeconds(), TimeUnit.SECONDS, EtlProgress.class);

    assertThat(progress.mode()).isEqualTo(EtlMode.NIGHTLY);
    assertThat(progress.finished()).isTrue();
    assertThat(progress.failures()).isEmpty();
    // yesterday (no readings there) and the dirty day, for every active building
    assertThat(progress.done()).isEqualTo(buildings * 2);
    assertThat(
            db.count(
                "SELECT count(*) FROM etl_building_days WHERE etl_run = '"
                    + workflowId
                    + "' AND day = '2026-01-09'"))
        .isEqualTo(buildings);
    assertThat(
            db.count(
                "SELECT count(*) FROM building_features WHERE etl_run = '"
                    + workflowId
                    + "' AND quality > 0.9 AND heat_power_kw[1] IS NOT NULL"))
        .isGreaterThan(buildings * 96 * 9 / 10);
    assertThat(db.count("SELECT count(*) FROM etl_dirty_days")).isZero();
  }
}
