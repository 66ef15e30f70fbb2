package de.vorlauf.worker;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.activities.db.PlatformProbeStore;
import de.vorlauf.activities.delivery.AckListener;
import de.vorlauf.activities.delivery.DeliveryRetention;
import de.vorlauf.activities.delivery.SetpointDelivery;
import de.vorlauf.activities.delivery.SetpointDispatcher;
import de.vorlauf.activities.etl.EtlActivitiesImpl;
import de.vorlauf.activities.etl.EtlSettings;
import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.activities.optimization.OptimizationActivitiesImpl;
import de.vorlauf.activities.portfolio.PortfolioActivitiesImpl;
import de.vorlauf.activities.selfcheck.IngestionProbe;
import de.vorlauf.activities.selfcheck.IntegrationProbe;
import de.vorlauf.activities.selfcheck.SelfCheckActivitiesImpl;
import de.vorlauf.activities.selfcheck.TemporalIntegrationStates;
import de.vorlauf.activities.training.TrainingActivitiesImpl;
import de.vorlauf.activities.training.TrainingEngine;
import de.vorlauf.activities.vendor.VendorClients;
import de.vorlauf.activities.vendor.VendorPollingActivitiesImpl;
import de.vorlauf.domain.clock.ClockSkewCheck;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.ingest.mqtt.MqttRoundTrip;
import de.vorlauf.ingest.mqtt.RoundTripScope;
import de.vorlauf.ingest.mqtt.RoundTripSettings;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestStats;
import de.vorlauf.ingest.pipeline.LaneStats;
import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import de.vorlauf.persistence.experiments.BuildInfo;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.persistence.ingest.IngestProgressStore;
import de.vorlauf.persistence.ingest.LaneProgress;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.portfolio.ActiveBuildingRanges;
import de.vorlauf.persistence.portfolio.PortfolioRunStore;
import de.vorlauf.persistence.timeseries.WriterStats;
import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.worker.health.HealthServer;
import de.vorlauf.worker.health.HealthStatus;
import de.vorlauf.worker.health.IngestProgressPublisher;
import de.vorlauf.worker.health.ReadinessReport;
import de.vorlauf.worker.health.WorkerChecks;
import de.vorlauf.worker.ingest.MqttIngestion;
import de.vorlauf.worker.ingest.MqttIngestor;
import de.vorlauf.worker.ingest.WorkerPipeline;
import de.vorlauf.worker.logging.LogLevelPoller;
import de.vorlauf.worker.metrics.DeliveryMetrics;
import de.vorlauf.worker.metrics.DeviceStateMetrics;
import de.vorlauf.worker.metrics.EtlMetrics;
import de.vorlauf.worker.metrics.IngestMetrics;
import de.vorlauf.worker.metrics.OptimizationMetrics;
import de.vorlauf.worker.metrics.PortfolioMetrics;
import de.vorlauf.worker.metrics.VendorMetrics;
import de.vorlauf.worker.metrics.WorkerMetrics;
import de.vorlauf.worker.schedule.ScheduleMetrics;
import de.vorlauf.worker.schedule.ScheduleMonitor;
import de.vorlauf.worker.schedule.ScheduleSetup;
import de.vorlauf.worker.temporal.TemporalConnector;
import de.vorlauf.worker.vendor.PollingAutostart;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.NightlyEtlWorkflowImpl;
import de.vorlauf.workflows.portfolio.PortfolioOptimizationWorkflowImpl;
import de.vorlauf.workflows.selfcheck.PlatformSelfCheckWorkflowImpl;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import de.vorlauf.workflows.training.TrainingWorkflowImpl;
import de.vorlauf.workflows.vendor.IngestionPollingWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process without its {@code main}: health endpoint, Temporal connection, workflow and
 * activity registration, the process's ingest pipeline (fed by vendor polling and, unless disabled,
 * by MQTT ingestion), graceful stop. Tests run it in-process.
 *
 * <p>Lifecycle: {@link #start()} blocks until the worker polls (or {@link #stop()} was called
 * meanwhile); {@link #stop()} stops polling, lets in-flight tasks finish for up to the grace
 * period, interrupts what is left, then releases connections. Both are safe to call from different
 * threads (a shutdown hook calls stop).
 */
public final class VorlaufWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(VorlaufWorker.class);

  private final WorkerConfig config;
  private final Consumer<WorkerFactory> extraRegistrations;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final HealthServer health;
  private final WorkerMetrics metrics = new WorkerMetrics();
  private final VendorMetrics vendorMetrics;
  private final ScheduleMetrics scheduleMetrics;
  private volatile ScheduleMonitor scheduleMonitor;
  private final EtlMetrics etlMetrics;
  private final OptimizationMetrics optimizationMetrics;
  private final DeliveryMetrics deliveryMetrics;
  private final PortfolioMetrics portfolioMetrics;

  private volatile HealthStatus status;
  private HikariDataSource dataSource;
  private WorkflowServiceStubs stubs;
  private WorkerFactory factory;
  private volatile WorkerPipeline pipeline;
  private volatile MqttIngestion mqtt;
  private volatile WorkflowServiceStubs connected;
  private DeviceStateMetrics deviceMetrics;
  private LogLevelPoller logLevels;
  private IngestProgressPublisher progress;
  private MqttSetpointPublisher setpoints;
  private OptimizationActivitiesImpl optimization;
  private SetpointDeliveryStore deliveryStore;
  private SetpointDelivery delivery;
  private SetpointDispatcher dispatcher;
  private AckListener acks;

  /**
   * Opens the health endpoint (reporting STARTING) but does not connect yet.
   *
   * @param extraRegistrations registers further workflows/activities on the factory before it
   *     starts (tests register slow test activities this way)
   */
  public VorlaufWorker(WorkerConfig config, Consumer<WorkerFactory> extraRegistrations) {
    this.config = config;
    this.extraRegistrations = extraRegistrations;
    this.status = new HealthStatus("STARTING", "not connected", List.of());
    metrics.keep(IngestMetrics.bind(metrics.registry(), () -> pipeline, () -> mqtt));
    this.vendorMetrics = metrics.keep(new VendorMetrics(metrics.registry(), clock()));
    this.scheduleMetrics = metrics.keep(new ScheduleMetrics(metrics.registry()));
    this.etlMetrics = new EtlMetrics(metrics.registry());
    this.optimizationMetrics = new OptimizationMetrics(metrics.registry());
    this.deliveryMetrics = new DeliveryMetrics(metrics.registry());
    this.portfolioMetrics = new PortfolioMetrics(metrics.registry());
    WorkerChecks checks =
        new WorkerChecks(config, () -> status, () -> connected, () -> pipeline, () -> mqtt);
    this.health =
        HealthServer.start(
            config.health().bindAddress(),
            config.healthPort(),
            new HealthServer.Endpoints() {
              @Override
              public HealthStatus status() {
                return status.withIngest(ingestHealth());
              }

              @Override
              public ReadinessReport liveness() {
                return checks.liveness();
              }

              @Override
              public ReadinessReport readiness() {
                return checks.readiness();
              }

              @Override
              public String metrics() {
                return metrics.scrape();
              }
            });
  }

  /** MQTT ingestion for {@code /health}: absent while it does not consume (or is disabled). */
  private HealthStatus.Ingest ingestHealth() {
    MqttIngestion ingestion = this.mqtt;
    MqttIngestor ingestor = ingestion == null ? null : ingestion.ingestor();
    IngestPipeline running = ingestion == null ? null : ingestion.pipeline();
    if (ingestor == null || running == null) {
      return null;
    }
    MqttIngestor.Stats mqtt = ingestor.stats();
    IngestStats stored = running.stats();
    List<HealthStatus.Lane> lanes = new ArrayList<>();
    for (MqttIngestor lane : List.of(ingestor, ingestion.backlogIngestor())) {
      if (lane != null) {
        lanes.add(laneHealth(lane, running));
      }
    }
    return new HealthStatus.Ingest(
        ingestion.state(),
        mqtt.connected(),
        mqtt.subscribed(),
        mqtt.received(),
        mqtt.acknowledged(),
        mqtt.inFlight(),
        stored.readingsStored(),
        stored.readingsDuplicate(),
        stored.quarantineStored(),
        lanes);
  }

  private HealthStatus.Lane laneHealth(MqttIngestor ingestor, IngestPipeline running) {
    MqttIngestor.Stats stats = ingestor.stats();
    WorkerPipeline owner = pipeline;
    WriterStats writer = owner == null ? null : owner.writerStats(ingestor.lane());
    Duration lag = running.lane(ingestor.lane()).lastLag();
    return new HealthStatus.Lane(
        ingestor.lane().code(),
        stats.connected(),
        stats.subscribed(),
        stats.received(),
        stats.acknowledged(),
        stats.inFlight(),
        stats.unacknowledged(),
        writer == null ? 0 : writer.pendingRows(),
        lag == null ? null : lag.toMillis() / 1000.0,
        ingestor.stalledFor().toSeconds());
  }

  /**
   * This process's lanes for {@code ingest_progress}: the writer queues and lag of the pipeline,
   * and with MQTT the messages in flight and the stall; empty while the pipeline does not run.
   */
  private List<LaneProgress> laneProgress() {
    WorkerPipeline owner = pipeline;
    IngestPipeline running = owner == null ? null : owner.pipeline();
    if (running == null) {
      return List.of();
    }
    MqttIngestion ingestion = mqtt;
    Instant now = clock().instant();
    List<LaneProgress> lanes = new ArrayList<>();
    for (Lane lane : Lane.values()) {
      MqttIngestor ingestor =
          ingestion == null
              ? null
              : lane == Lane.LIVE ? ingestion.ingestor() : ingestion.backlogIngestor();
      MqttIngestor.Stats stats = ingestor == null ? null : ingestor.stats();
      WriterStats writer = owner.writerStats(lane);
      LaneStats committed = running.lane(lane);
      lanes.add(
          new LaneProgress(
              IngestProgressPublisher.processId(health.port()),
              lane.code(),
              now,
              stats == null ? null : stats.subscribed(),
              stats == null ? 0 : stats.inFlight(),
              writer == null ? 0 : writer.pendingRows(),
              committed.lastLag() == null ? null : committed.lastLag().toMillis() / 1000.0,
              committed.lastCommitAt(),
              ingestor == null ? 0 : ingestor.stalledFor().toSeconds()));
    }
    return lanes;
  }

  public VorlaufWorker(WorkerConfig config) {
    this(config, factory -> {});
  }

  public int healthPort() {
    return health.port();
  }

  public HealthStatus status() {
    return status;
  }

  /** Connects to Temporal (waiting while it is down), registers everything and starts polling. */
  public void start() throws InterruptedException {
    log.info("starting worker: {}", config);
    status = new HealthStatus("CONNECTING", "waiting for " + config.temporalAddress(), List.of());
    TemporalConnector.Connection connection =
        new TemporalConnector(
                config.temporalAddress(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                metrics.temporalScope())
            .connect(stopRequested);
    synchronized (this) {
      if (connection == null || stopRequested.getCount() == 0) {
        if (connection != null) {
          connection.stubs().shutdownNow();
        }
        return;
      }
      stubs = connection.stubs();
      connected = stubs;
      TemporalServerKind kind = connection.kind();
      if (kind.inJvmTestServer()) {
        log.warn(
            "Temporal is the in-JVM test server, a development fallback: {}",
            String.join("; ", TemporalServerKind.IN_JVM_LIMITS));
      }
      dataSource = PooledDataSources.create(databaseSettings(), "vorlauf-worker");
      logLevels = LogLevelPoller.start(new LogLevelRepository(dataSource), config.logLevelPoll());
      if (config.training().platform()) {
        deviceMetrics =
            DeviceStateMetrics.start(
                metrics.registry(), dataSource, config.ingest().offlineAfter(), clock());
        // vendor polling and storage maintenance need it whether or not MQTT is consumed here
        pipeline = WorkerPipeline.start(WorkerPipeline.settings(config), clock());
        progress =
            IngestProgressPublisher.start(
                new IngestProgressStore(dataSource),
                IngestProgressPublisher.processId(health.port()),
                this::laneProgress,
                clock());
      } else {
        // a training worker: the main worker ingests, maintains storage and reports progress;
        // a second copy here would only take memory from training and double the fleet gauges
        log.info("training-only worker: no ingest pipeline, storage maintenance or device gauges");
      }
      WorkflowClient client =
          WorkflowClient.newInstance(
              stubs,
              WorkflowClientOptions.newBuilder().setNamespace(config.temporalNamespace()).build());
      factory = WorkerFactory.newInstance(client);
      if (config.training().platform()) {
        register(factory.newWorker(TaskQueues.PLATFORM), client);
      }
      if (config.training().training()) {
        registerTraining(factory);
      }
      extraRegistrations.accept(factory);
      factory.start();
      if (config.ingest().enabled()) {
        mqtt =
            MqttIngestion.start(MqttIngestion.settings(config, health.port()), pipeline, clock());
      } else {
        log.info(
            "MQTT ingestion is disabled (VORLAUF_INGEST_ENABLED=false): no device topics here");
      }
      if (config.training().platform()) {
        PollingAutostart.run(client, config.vendorIntegrations());
        startSetpointDelivery();
      }
      // after the factory started: a schedule due right now finds a worker polling
      ScheduleSetup.run(client, config.temporalNamespace(), kind, config.schedules());
      if (!kind.inJvmTestServer() && !config.schedules().declarations().isEmpty()) {
        scheduleMonitor =
            ScheduleMonitor.start(
                client,
                config.temporalNamespace(),
                config.schedules().effective(),
                config.schedules().idPrefix(),
                scheduleMetrics);
      }
      status = new HealthStatus("UP", kind.label(), config.training().taskQueues());
      log.info(
          "worker polling {} in namespace {} on {}",
          config.training().taskQueues(),
          config.temporalNamespace(),
          kind.label());
    }
  }

  private void register(Worker worker, WorkflowClient client) {
    worker.registerWorkflowImplementationTypes(PlatformSelfCheckWorkflowImpl.class);
    Clock clock = Clock.systemUTC();
    IngestProgressStore progressStore = new IngestProgressStore(dataSource);
    worker.registerActivitiesImplementations(
        new SelfCheckActivitiesImpl(
            new PlatformProbeStore(dataSource, clock),
            new MqttRoundTrip(roundTripSettings(), RoundTripScope.SELF_CHECK, clock),
            new ClockSkewCheck(config.clockSkewThreshold()),
            clock,
            new IngestionProbe(
                since -> progressStore.since(since),
                new IngestProgressCheck(config.selfCheck().ingestion()),
                clock),
            new IntegrationProbe(
                new TemporalIntegrationStates(client, config.vendorIntegrations()),
                config.selfCheck().vendorLagMax(),
                clock)));
    worker.registerWorkflowImplementationTypes(IngestionPollingWorkflowImpl.class);
    // the process's pipeline, as for MQTT: one validation and one store for every source
    worker.registerActivitiesImplementations(
        new VendorPollingActivitiesImpl(
            new VendorClients(config.vendorIntegrations(), clock),
            () -> {
              WorkerPipeline running = pipeline;
              return running == null ? null : running.pipeline();
            },
            clock,
            vendorMetrics));
    worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
    setpoints =
        new MqttSetpointPublisher(
            new MqttSetpointPublisher.Settings(
                config.mqttUrl(),
                config.mqttUser(),
                config.mqttPassword(),
                Duration.ofSeconds(10)));
    deliveryStore = new SetpointDeliveryStore(dataSource, config.optimizationRetention());
    delivery =
        new SetpointDelivery(
            deliveryStore, setpoints, config.setpoints().resend(), clock, deliveryMetrics);
    optimization =
        OptimizationActivitiesImpl.create(
            dataSource,
            new OptimizationActivitiesImpl.Settings(
                config.features().holidays(), config.optimizationRetention()),
            Optimizers::forType,
            new PersistenceForecast(),
            delivery,
            optimizationMetrics,
            clock);
    worker.registerActivitiesImplementations(optimization);
    worker.registerWorkflowImplementationTypes(PortfolioOptimizationWorkflowImpl.class);
    // the portfolio run's batches go through the same optimisation instance, in-process
    worker.registerActivitiesImplementations(
        new PortfolioActivitiesImpl(
            new PortfolioRunStore(dataSource),
            new ActiveBuildingRanges(dataSource),
            optimization,
            portfolioMetrics,
            clock));
    worker.registerActivitiesImplementations(
        new EtlActivitiesImpl(
            new FeatureSource(dataSource),
            new FeatureStore(dataSource),
            new EtlBuildings(dataSource),
            new FeatureCalculator(config.features().holidays()),
            new EtlSettings(
                config.storage().rawRetention(),
                config.features().retention(),
                3,
                Duration.ofSeconds(2)),
            clock,
            etlMetrics,
            // the nightly run ages out the optimisation's results and commands with the features
            List.of(optimization.retention(), new DeliveryRetention(deliveryStore))));
  }

  /**
   * The dispatcher that resends and expires setpoint commands, and the listener that settles them
   * from the devices' acks (a shared subscription on a persistent session of this worker's own).
   */
  private void startSetpointDelivery() {
    dispatcher =
        new SetpointDispatcher(
                delivery,
                new SetpointDispatcher.Settings(config.setpoints().dispatchInterval(), 500))
            .start();
    String group = config.ingest().shareGroup();
    try {
      acks =
          AckListener.start(
              new AckListener.Settings(
                  config.mqttUrl(),
                  config.mqttUser(),
                  config.mqttPassword(),
                  config.ingest().clientId(health.port()) + "-acks",
                  (group == null ? "vorlauf" : group) + "-acks",
                  config.ingest().sessionExpiry(),
                  Duration.ofSeconds(10)),
              deliveryStore,
              clock(),
              deliveryMetrics);
    } catch (MqttException e) {
      // a bad broker URL: commands are still resent until they expire, but none is settled
      log.error("setpoint acks cannot be received: {}", e.toString());
    }
  }

  /**
   * The training queue: one activity at a time (a run holds its data set and network in memory, two
   * at once would double the peak), so the heap and JavaCPP limits of README's "Training worker"
   * hold.
   */
  private void registerTraining(WorkerFactory workers) {
    Worker worker =
        workers.newWorker(
            TaskQueues.TRAINING,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(1)
                .setMaxConcurrentWorkflowTaskExecutionSize(2)
                .build());
    worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TrainingActivitiesImpl(
            TrainingEngine.of(
                new TrainingDataRepository(dataSource), BuildInfo.current().codeVersion()),
            new JdbcExperimentTracker(dataSource, clock()),
            new ModelRegistry(dataSource),
            BuildInfo.current().codeVersion()));
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  /** MQTT ingestion, null when disabled or before {@link #start()} connected. */
  public MqttIngestion mqttIngestion() {
    return mqtt;
  }

  /** The process's ingest pipeline, null before {@link #start()} connected. */
  public WorkerPipeline pipeline() {
    return pipeline;
  }

  private DatabaseSettings databaseSettings() {
    return new DatabaseSettings(
        config.dbUrl(), config.dbUser(), config.dbPassword(), 4, Duration.ofSeconds(10));
  }

  private RoundTripSettings roundTripSettings() {
    return new RoundTripSettings(
        config.mqttUrl(),
        config.mqttUser(),
        config.mqttPassword(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }

  /** Graceful stop with the configured grace period; returns when everything is released. */
  public void stop() {
    stopRequested.countDown();
    synchronized (this) {
      if (stopped.getCount() == 0) {
        return;
      }
      status = new HealthStatus("STOPPING", status.temporal(), List.of());
      try {
        if (scheduleMonitor != null) {
          scheduleMonitor.close();
        }
        if (mqtt != null) {
          // first: it drains received messages while the writers and the database are still up
          mqtt.stop(config.shutdownGrace());
        }
        stopFactory();
        if (dispatcher != null) {
          dispatcher.close();
        }
        if (acks != null) {
          acks.close();
        }
        if (optimization != null) {
          optimization.close();
        }
        if (setpoints != null) {
          setpoints.close();
        }
        if (progress != null) {
          progress.close();
        }
        if (pipeline != null) {
          // after the activities: a vendor poll in flight still stores through it
          pipeline.stop(config.shutdownGrace());
        }
      } finally {
        if (stubs != null) {
          stubs.shutdown();
          awaitQuietly(stubs);
        }
        if (deviceMetrics != null) {
          deviceMetrics.close();
        }
        if (logLevels != null) {
          logLevels.close();
        }
        if (dataSource != null) {
          dataSource.close();
        }
        health.close();
        metrics.close();
        stopped.countDown();
        log.info("worker stopped");
      }
    }
  }

  private void stopFactory() {
    if (factory == null) {
      return;
    }
    Duration grace = config.shutdownGrace();
    log.info("stopping: no new tasks, waiting up to {} for in-flight activities", grace);
    factory.shutdown();
    boolean drained = awaitFactory(grace);
    if (!drained) {
      log.warn("in-flight tasks still running after {}: interrupting them", grace);
      factory.shutdownNow();
      awaitFactory(Duration.ofSeconds(5));
    }
  }

  private boolean awaitFactory(Duration timeout) {
    try {
      factory.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      log.warn("error while waiting for the worker to finish", e);
    }
    return factory.isTerminated();
  }

  private static void awaitQuietly(WorkflowServiceStubs stubs) {
    if (!stubs.awaitTermination(5, TimeUnit.SECONDS)) {
      stubs.shutdownNow();
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }
}
