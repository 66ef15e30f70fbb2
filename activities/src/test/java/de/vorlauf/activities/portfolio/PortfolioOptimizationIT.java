package de.vorlauf.activities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.activities.optimization.OptimizationActivitiesImpl;
import de.vorlauf.activities.optimization.OptimizationListener;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.persistence.portfolio.ActiveBuildingRanges;
import de.vorlauf.persistence.portfolio.PortfolioRunStore;
import de.vorlauf.testdata.FixtureModel;
import de.vorlauf.testdata.MigratedWithTestDataAndFeatures;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.portfolio.PortfolioOptimizationWorkflow;
import de.vorlauf.workflows.portfolio.PortfolioOptimizationWorkflowImpl;
import de.vorlauf.workflows.portfolio.PortfolioRequest;
import de.vorlauf.workflows.portfolio.PortfolioSummary;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.ScheduleReconciler;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio run against the Temporal dev server with the real activities on the simulator's
 * test data (six buildings, one of them made invalid) and the fixture model: every active building
 * gets its outcome, the invalid one is recorded once without a retry, commands reach the broker,
 * and V161 holds the finished run; and the declared schedule, triggered, runs for the hour it was
 * due in.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestDataAndFeatures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class PortfolioOptimizationIT {

  private static final Instant HOUR = Instant.parse("2026-01-15T12:00:00Z");
  // the declared schedule starts its runs here; the dev server is this class's own
  private static final String QUEUE = TaskQueues.PLATFORM;

  private TestDatabase db;
  private RunningBroker broker;
  private RunningTemporal temporal;
  private WorkflowServiceStubs stubs;
  private WorkerFactory factory;
  private MqttSetpointPublisher mqtt;
  private OptimizationActivitiesImpl optimization;

  @BeforeAll
  void start(TestDatabase database, RunningBroker broker, @TempDir Path dir) throws Exception {
    this.db = database;
    this.broker = broker;
    FixtureModel.registerChampion(database.dataSource(), "portfolio-it");
    db.execute("UPDATE buildings SET curve_base_temp = 'NaN' WHERE id = 'td-0004'");
    temporal = TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.CLI_DEV_SERVER));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    mqtt =
        new MqttSetpointPublisher(
            new MqttSetpointPublisher.Settings(broker.url(), null, null, Duration.ofSeconds(10)));
    optimization =
        OptimizationActivitiesImpl.create(
            database.dataSource(),
            new OptimizationActivitiesImpl.Settings(
                HolidayCalendar.germany(), Duration.ofDays(400)),
            Optimizers::forType,
            new PersistenceForecast(),
            mqtt,
            OptimizationListener.NONE,
            // the delivery's clock runs from five minutes into the test data's hour, as the
            // scheduled run's would: a command at or past its valid-until is never sent
            Clock.offset(
                Clock.systemUTC(), Duration.between(Instant.now(), HOUR.plusSeconds(300))));
    factory = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(PortfolioOptimizationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new PortfolioActivitiesImpl(
            new PortfolioRunStore(database.dataSource()),
            new ActiveBuildingRanges(database.dataSource()),
            optimization,
            PortfolioListener.NONE,
            Clock.systemUTC()));
    factory.start();
  }

  @AfterAll
  void stop() {
    if (factory != null) {
      factory.shutdownNow();
    }
    if (optimization != null) {
      optimization.close();
    }
    if (mqtt != null) {
      mqtt.close();
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void everyActiveBuildingGetsItsOutcomeAndTheRunIsSummarised() throws Exception {
    long active = db.count("SELECT count(*) FROM buildings WHERE active");
    PortfolioOptimizationWorkflow workflow =
        WorkflowClient.newInstance(stubs)
            .newWorkflowStub(
                PortfolioOptimizationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(PortfolioOptimizationWorkflow.WORKFLOW_ID_PREFIX + "it")
                    .setTaskQueue(QUEUE)
                    .build());

    PortfolioSummary summary;
    try (MqttTestClient devices = MqttTestClient.connect(broker.url(), null)) {
      devices.subscribe("greenbox/+/commands/setpoint");
      summary =
          workflow.run(
              new PortfolioRequest(HOUR, 10, 2, 3, Duration.ofSeconds(1), null, null, true, null));
      long published =
          db.count(
              "SELECT count(*) FROM optimization_results WHERE origin = 'hourly' AND as_of = '"
                  + HOUR
                  + "' AND published_command_id IS NOT NULL");
      await().atMost(Duration.ofSeconds(10)).until(() -> devices.received.size() == published);
      // one test building has a room sensor: it gets a setpoint; the others keep their curves
      assertThat(summary.done()).isEqualTo(1);
      assertThat(published).isEqualTo(summary.done());
    }

    assertThat(summary.buildingsTotal()).isEqualTo(active);
    assertThat(summary.handled()).isEqualTo(active);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.retries()).isZero();
    assertThat(summary.done() + summary.fallback()).isEqualTo(active - 1);
    assertThat(
            db.count(
                "SELECT count(*) FROM optimization_results WHERE origin = 'hourly' AND as_of = '"
                    + HOUR
                    + "'"))
        .isEqualTo(active - 1);

    PortfolioRunStore runs = new PortfolioRunStore(db.dataSource());
    PortfolioRunStore.Run run = runs.find(summary.runKey()).orElseThrow();
    assertThat(run.state()).isEqualTo("COMPLETED");
    assertThat(run.asOf()).isEqualTo(HOUR);
    assertThat(run.counts().done()).isEqualTo(summary.done());
    assertThat(run.counts().fallback()).isEqualTo(summary.fallback());
    assertThat(run.counts().fallbackReasons().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(summary.fallback());
    assertThat(run.finishedAt()).isNotNull();
    List<PortfolioRunStore.Problem> problems = runs.problems(summary.runKey());
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.buildingId()).isEqualTo("td-0004");
              assertThat(p.status()).isEqualTo("FAILED");
              assertThat(p.reason()).startsWith("invalid configuration");
              assertThat(p.attempts()).isEqualTo(1);
              assertThat(p.retryable()).isFalse();
            });
  }

  @Test
  void theDeclaredScheduleRunsTheFleetForTheHourItWasDueIn() throws Exception {
    ScheduleDeclaration hourly =
        VorlaufSchedules.DECLARED.stream()
            .filter(d -> d.id().equals(VorlaufSchedules.PORTFOLIO_OPTIMIZATION))
            .findFirst()
            .orElseThrow();
    ScheduleClient schedules = ScheduleClient.newInstance(stubs);
    new ScheduleReconciler(schedules, VorlaufSchedules.ID_PREFIX).reconcile(List.of(hourly));
    String scheduleId = VorlaufSchedules.ID_PREFIX + VorlaufSchedules.PORTFOLIO_OPTIMIZATION;
    Instant before = Instant.now().truncatedTo(ChronoUnit.HOURS);

    schedules.getHandle(scheduleId).trigger();
    String workflowId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    schedules.getHandle(scheduleId).describe().getInfo().getRecentActions().stream()
                        .map(a -> a.getAction())
                        .filter(a -> a instanceof ScheduleActionExecutionStartWorkflow)
                        .map(a -> ((ScheduleActionExecutionStartWorkflow) a).getWorkflowId())
                        .findFirst()
                        .orElse(null),
                id -> id != null);
    PortfolioSummary summary =
        WorkflowClient.newInstance(stubs)
            .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
            .getResult(60, TimeUnit.SECONDS, PortfolioSummary.class);

    // as of the hour the run was due in (no data there: every building falls back or fails)
    assertThat(summary.asOf()).isBetween(before, Instant.now().truncatedTo(ChronoUnit.HOURS));
    assertThat(summary.handled())
        .isEqualTo(db.count("SELECT count(*) FROM buildings WHERE active"));
    PortfolioRunStore.Run run =
        new PortfolioRunStore(db.dataSource()).find(summary.runKey()).orElseThrow();
    assertThat(run.workflowId()).isEqualTo(workflowId);
    assertThat(run.state()).isEqualTo("COMPLETED");
    assertThat(run.origin()).isEqualTo("hourly");
  }
}
