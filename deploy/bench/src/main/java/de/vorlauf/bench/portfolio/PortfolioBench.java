package de.vorlauf.bench.portfolio;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.activities.optimization.OptimizationActivitiesImpl;
import de.vorlauf.activities.portfolio.PortfolioActivitiesImpl;
import de.vorlauf.activities.portfolio.PortfolioListener;
import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.HeatingCurveOptimizer;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.persistence.portfolio.ActiveBuildingRanges;
import de.vorlauf.persistence.portfolio.PortfolioRunStore;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.portfolio.PortfolioOptimizationWorkflow;
import de.vorlauf.workflows.portfolio.PortfolioOptimizationWorkflowImpl;
import de.vorlauf.workflows.portfolio.PortfolioRequest;
import de.vorlauf.workflows.portfolio.PortfolioSummary;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deploy/vorlauf bench-portfolio}: the hourly portfolio run of issue 23 end to end on its
 * own PostgreSQL, Mosquitto (no subscriber) and Temporal dev server, with the worker's real
 * activities in this JVM: a clean run over the fleet, then a run with a share of buildings failing
 * (retryable) on their first attempts. Reports the wall time of each, the time per building and
 * where it goes, and when the healthy buildings of the failing run were finished.
 */
public final class PortfolioBench {

  private static final Logger log = LoggerFactory.getLogger(PortfolioBench.class);

  /** A Thursday in the test data's second week: a full week of history before it. */
  static final Instant AS_OF = Instant.parse("2026-01-15T12:00:00Z");

  /**
   * The delivery's clock runs from five minutes into the optimised hour, as the scheduled run's
   * would: the test data's hour is in the past, and a command at or past its valid-until is stored
   * EXPIRED and never sent, which would leave the publish out of the measurement.
   */
  private static final Clock DECISION_CLOCK =
      Clock.offset(
          Clock.systemUTC(), Duration.between(Instant.now(), AS_OF.plus(Duration.ofMinutes(5))));

  record Config(
      int buildings,
      int batch,
      int parallelism,
      double failShare,
      int failAttempts,
      Duration retryBackoff,
      boolean allTemplates,
      Path modelDir) {

    static Config parse(String[] args, Path repo) {
      Map<String, String> kv = new java.util.HashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + arg + "' is not key=value");
        }
        kv.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
      Config config =
          new Config(
              Integer.parseInt(kv.getOrDefault("buildings", "10000")),
              Integer.parseInt(kv.getOrDefault("batch", "50")),
              Integer.parseInt(kv.getOrDefault("parallelism", "4")),
              Double.parseDouble(kv.getOrDefault("fail-percent", "5")) / 100,
              Integer.parseInt(kv.getOrDefault("fail-attempts", "1")),
              Duration.parse(kv.getOrDefault("retry-backoff", "PT30S")),
              "all".equals(kv.getOrDefault("templates", "room-sensor")),
              Path.of(
                  kv.getOrDefault(
                      "model-dir",
                      repo.resolve("test-data/src/main/resources/optimization").toString())));
      kv.keySet()
          .removeAll(
              List.of(
                  "buildings",
                  "batch",
                  "parallelism",
                  "fail-percent",
                  "fail-attempts",
                  "retry-backoff",
                  "templates",
                  "model-dir"));
      if (!kv.isEmpty()) {
        throw new IllegalArgumentException("unknown options " + kv.keySet());
      }
      return config;
    }
  }

  /** One run's figures. */
  record Result(
      String label,
      PortfolioSummary summary,
      double wallSeconds,
      double healthyDoneSeconds,
      long published,
      int historyEvents,
      Map<String, double[]> stages) {}

  private PortfolioBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("vorlauf.repo", "."));
    Config config;
    try {
      config = Config.parse(args, repo);
    } catch (IllegalArgumentException e) {
      log.error("bench-portfolio: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Path dir =
        repo.resolve("deploy/bench/target/portfolio-" + Instant.now().getEpochSecond())
            .toAbsolutePath();
    Files.createDirectories(dir);
    try (RunningPostgres postgres =
            PostgresService.start(PostgresOptions.forTest(dir.resolve("postgres")));
        RunningBroker broker =
            MqttBrokerService.start(
                BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO));
        RunningTemporal temporal =
            TemporalService.start(
                TemporalOptions.forTest(dir.resolve("temporal"), TemporalKind.CLI_DEV_SERVER))) {
      String report = run(config, postgres, broker, temporal);
      Files.writeString(dir.resolve("report.md"), report);
      log.info("bench-portfolio report ({}):\n{}", dir.resolve("report.md"), report);
    }
    System.exit(0);
  }

  private static String run(
      Config config, RunningPostgres postgres, RunningBroker broker, RunningTemporal temporal)
      throws Exception {
    try (HikariDataSource db =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                config.parallelism() + 4,
                Duration.ofSeconds(30)),
            "portfolio-bench")) {
      Migrations.migrate(db);
      long setup = System.nanoTime();
      PortfolioFleet.create(
          db, config.buildings(), AS_OF, config.modelDir(), config.allTemplates());
      double setupSeconds = (System.nanoTime() - setup) / 1e9;
      StageTimes times = new StageTimes();
      AtomicLong published = new AtomicLong();
      try (MqttSetpointPublisher mqtt =
              new MqttSetpointPublisher(
                  new MqttSetpointPublisher.Settings(
                      broker.url(), null, null, Duration.ofSeconds(10)));
          OptimizationActivitiesImpl optimization =
              OptimizationActivitiesImpl.create(
                  db,
                  new OptimizationActivitiesImpl.Settings(
                      HolidayCalendar.germany(), Duration.ofDays(400)),
                  type -> timed(Optimizers.forType(type), times),
                  (id, state, hours) ->
                      times.time(
                          "building: forecast",
                          () -> new PersistenceForecast().outdoorC(id, state, hours)),
                  (device, payload) -> {
                    long start = System.nanoTime();
                    mqtt.publish(device, payload);
                    times.add("building: publish (MQTT QoS 1)", System.nanoTime() - start);
                    published.incrementAndGet();
                  },
                  (status, fallback, took) -> times.add("building: total", took.toNanos()),
                  DECISION_CLOCK)) {
        FailingOptimization failing = new FailingOptimization(optimization, times);
        WorkflowServiceStubs stubs =
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
        WorkflowClient client = WorkflowClient.newInstance(stubs);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker =
            factory.newWorker(
                TaskQueues.PLATFORM,
                WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(config.parallelism() * 2 + 2)
                    .build());
        worker.registerWorkflowImplementationTypes(PortfolioOptimizationWorkflowImpl.class);
        worker.registerActivitiesImplementations(
            new PortfolioActivitiesImpl(
                new PortfolioRunStore(db),
                new ActiveBuildingRanges(db),
                failing,
                PortfolioListener.NONE,
                Clock.systemUTC()));
        // warm-up outside the runs: model session, MQTT connection, JIT on one batch
        List<String> warm = PortfolioFleet.everyNth(db, 0.01).stream().limit(10).toList();
        optimization.optimize(
            new de.vorlauf.workflows.optimization.OptimizationBatch(
                warm, AS_OF, "heat-demand", "champion", true, "bench-warmup"));
        factory.start();
        try {
          Result clean = portfolioRun("clean", config, client, failing, Set.of(), times, published);
          List<String> ids = PortfolioFleet.everyNth(db, config.failShare());
          Result withFailures =
              portfolioRun(
                  "failing", config, client, failing, new HashSet<>(ids), times, published);
          // the clean run again: how far two clean runs on this machine lie apart
          Result again =
              portfolioRun("clean-again", config, client, failing, Set.of(), times, published);
          double stateReadMs = stateReadSample(db, config.buildings(), 200);
          return PortfolioReport.markdown(
              config, setupSeconds, clean, withFailures, again, ids.size(), stateReadMs);
        } finally {
          factory.shutdown();
          factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
          stubs.shutdown();
        }
      }
    }
  }

  private static Result portfolioRun(
      String label,
      Config config,
      WorkflowClient client,
      FailingOptimization failing,
      Set<String> failingIds,
      StageTimes times,
      AtomicLong published) {
    failing.failing(failingIds, config.failAttempts());
    times.reset();
    long publishedBefore = published.get();
    String workflowId = PortfolioOptimizationWorkflow.WORKFLOW_ID_PREFIX + "bench-" + label;
    PortfolioOptimizationWorkflow workflow =
        client.newWorkflowStub(
            PortfolioOptimizationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.PLATFORM)
                .build());
    // the data is historical: the run is told its hour; the origin keeps the two runs apart in
    // the store (a result is stored once per building, hour and origin)
    PortfolioRequest request =
        new PortfolioRequest(
            AS_OF,
            config.batch(),
            config.parallelism(),
            PortfolioRequest.DEFAULT_MAX_ATTEMPTS,
            config.retryBackoff(),
            null,
            null,
            true,
            "bench-" + label);
    log.info("portfolio run '{}' starts ({} failing buildings)", label, failingIds.size());
    long start = System.nanoTime();
    PortfolioSummary summary = workflow.run(request);
    long end = System.nanoTime();
    long healthy = failing.lastHealthyNanos();
    Result result =
        new Result(
            label,
            summary,
            (end - start) / 1e9,
            healthy == 0 ? Double.NaN : (healthy - start) / 1e9,
            published.get() - publishedBefore,
            client.fetchHistory(workflowId).getHistory().getEventsCount(),
            times.snapshot());
    log.info("portfolio run '{}': {}", label, result);
    return result;
  }

  private static HeatingCurveOptimizer timed(HeatingCurveOptimizer optimizer, StageTimes times) {
    return input -> times.time("building: optimiser", () -> optimizer.optimize(input));
  }

  /** The state read alone, on a sample of the fleet after the runs (it only reads). */
  private static double stateReadSample(javax.sql.DataSource db, int buildings, int n)
      throws Exception {
    BuildingStates states =
        new BuildingStates(
            db, new FeaturesNow(db, new FeatureCalculator(HolidayCalendar.germany())));
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      states.read(PortfolioFleet.PREFIX + "%05d".formatted((long) i * buildings / n), AS_OF);
    }
    return (System.nanoTime() - start) / 1e6 / n;
  }
}
