package de.vorlauf.bench.closedloop;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.activities.etl.EtlActivitiesImpl;
import de.vorlauf.activities.etl.EtlListener;
import de.vorlauf.activities.etl.EtlSettings;
import de.vorlauf.activities.training.TrainingActivitiesImpl;
import de.vorlauf.activities.training.TrainingEngine;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.WeatherForecast;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.experiments.BuildInfo;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.worker.ingest.MqttIngestion;
import de.vorlauf.worker.ingest.MqttIngestorSettings;
import de.vorlauf.worker.ingest.WorkerPipeline;
import de.vorlauf.workflows.etl.EtlActivities;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.training.TrainingActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;

/**
 * The platform's side of the loop, wired as the worker wires it on one database and broker: the
 * worker's MQTT ingestion (pipeline and both lanes), and the real ETL, training and optimisation
 * activities. The activities run through the SDK's activity environment, which gives them the
 * execution context (heartbeats) a worker would, without a task queue between the harness and them:
 * the harness is the only caller, and it calls them at simulated instants.
 */
final class ClosedLoopPlatform implements AutoCloseable {

  /** Where the platform's services are. */
  record Services(String jdbcUrl, String dbUser, String dbPassword, String mqttUrl) {}

  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  final HikariDataSource dataSource;
  final EtlActivities etl;
  final TrainingActivities training;
  final OptimizationActivities optimization;
  final ModelRegistry registry;
  private final WorkerPipeline pipeline;
  private final MqttIngestion ingestion;
  private final TestActivityEnvironment activities;
  private final OptimizationActivities optimizationImpl;

  ClosedLoopPlatform(
      Services services,
      OptimizationFactory optimizer,
      Clock simulatedClock,
      WeatherForecast forecast) {
    DatabaseSettings db =
        new DatabaseSettings(
            services.jdbcUrl(),
            services.dbUser(),
            services.dbPassword(),
            6,
            Duration.ofSeconds(10));
    dataSource = PooledDataSources.create(db, "closed-loop");
    Migrations.migrate(dataSource);
    // ingestion stamps what it stores with the real clock, as a worker does; readings carry their
    // simulated times, all in the past
    pipeline =
        WorkerPipeline.start(
            new WorkerPipeline.Settings(
                db,
                WriterSettings.defaults().withLinger(Duration.ofMillis(20)),
                IngestSettings.defaults(),
                StorageSettings.defaults()),
            Clock.systemUTC());
    ingestion =
        MqttIngestion.start(
            new MqttIngestorSettings(
                services.mqttUrl(),
                null,
                null,
                "closed-loop-ingest",
                null,
                2_000,
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                2,
                Duration.ofMillis(500)),
            pipeline,
            Clock.systemUTC());
    String version = BuildInfo.current().codeVersion();
    registry = new ModelRegistry(dataSource);
    optimizationImpl =
        optimizer.create(
            new OptimizationFactory.Platform(
                dataSource, services.mqttUrl(), simulatedClock, forecast));
    activities = TestActivityEnvironment.newInstance();
    activities.registerActivitiesImplementations(
        new EtlActivitiesImpl(
            new FeatureSource(dataSource),
            new FeatureStore(dataSource),
            new EtlBuildings(dataSource),
            new FeatureCalculator(HolidayCalendar.germany()),
            new EtlSettings(Duration.ofDays(90), Duration.ofDays(730), 3, Duration.ZERO),
            Clock.systemUTC(),
            EtlListener.NONE),
        new TrainingActivitiesImpl(
            TrainingEngine.of(new TrainingDataRepository(dataSource), version),
            new JdbcExperimentTracker(dataSource, Clock.systemUTC()),
            registry,
            version),
        optimizationImpl);
    etl = activities.newActivityStub(EtlActivities.class, OPTIONS);
    training = activities.newActivityStub(TrainingActivities.class, OPTIONS);
    optimization = activities.newActivityStub(OptimizationActivities.class, OPTIONS);
  }

  /** Both ingestion lanes subscribed: what devices publish from now on is stored. */
  boolean subscribed() {
    var live = ingestion.ingestor();
    var backlog = ingestion.backlogIngestor();
    return live != null
        && backlog != null
        && live.stats().subscribed()
        && backlog.stats().subscribed();
  }

  @Override
  public void close() {
    activities.close();
    if (optimizationImpl instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the optimisation", e);
      }
    }
    ingestion.stop(Duration.ofSeconds(20));
    pipeline.stop(Duration.ofSeconds(20));
    dataSource.close();
  }
}
