package de.vorlauf.worker.ingest;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.domain.ingest.ValidationPolicy;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMaintenance;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.worker.config.IngestConfig;
import de.vorlauf.worker.config.WorkerConfig;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT ingestion inside the worker: its own connection pool, the reading writer, the ingest
 * pipeline and the MQTT ingestor. Starts in the background: it waits for a migrated database before
 * it subscribes (until then the broker keeps the messages). Stops in reverse order: the ingestor
 * drains and acknowledges what it received, then the writers commit what is queued.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestService.class);
  private static final Duration MAINTENANCE_PERIOD = Duration.ofHours(1);

  /** Everything the service is built from. */
  public record Settings(
      DatabaseSettings database,
      WriterSettings writer,
      IngestSettings ingest,
      MqttIngestorSettings mqtt,
      StorageSettings storage) {}

  private final Settings settings;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Thread starter;
  private volatile String state = "starting";
  private HikariDataSource dataSource;
  private ReadingWriter writer;
  private IngestPipeline pipeline;
  private MqttIngestor ingestor;
  private StorageMaintenance maintenance;

  private IngestService(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.starter = new Thread(this::startUp, "vorlauf-ingest-start");
  }

  /** Starts in the background and returns at once. */
  public static IngestService start(Settings settings, Clock clock) {
    IngestService service = new IngestService(settings, clock);
    service.starter.start();
    return service;
  }

  /** The worker's ingestion settings from its configuration. */
  public static Settings settings(WorkerConfig config, int healthPort) {
    IngestConfig ingest = config.ingest();
    DatabaseSettings database =
        new DatabaseSettings(
            config.dbUrl(), config.dbUser(), config.dbPassword(), 6, Duration.ofSeconds(10));
    WriterSettings writer =
        WriterSettings.defaults()
            .withQueueRows(ingest.queueRows())
            .withBatchRows(ingest.batchRows())
            .withLinger(ingest.linger())
            .withCloseTimeout(config.shutdownGrace());
    IngestSettings pipeline =
        IngestSettings.defaults()
            // a reading older than the raw retention would be dropped at once: refuse it instead
            .withValidation(
                new ValidationPolicy(
                    ValidationPolicy.DEFAULT.maxFutureSkew(), config.storage().rawRetention()))
            .withQuarantineCap(ingest.quarantineCap())
            .withLiveness(
                new DeviceLiveness(ingest.offlineAfter(), DeviceLiveness.DEFAULT.onlineAfter()));
    MqttIngestorSettings mqtt =
        new MqttIngestorSettings(
            config.mqttUrl(),
            config.mqttUser(),
            config.mqttPassword(),
            ingest.clientId(healthPort),
            ingest.shareGroup(),
            ingest.receiveMaximum(),
            ingest.sessionExpiry(),
            Duration.ofSeconds(30),
            ingest.threads(),
            Duration.ofMillis(500));
    return new Settings(database, writer, pipeline, mqtt, config.storage());
  }

  private void startUp() {
    try {
      HikariDataSource pool = PooledDataSources.create(settings.database(), "vorlauf-ingest");
      synchronized (this) {
        dataSource = pool;
      }
      StorageMode mode = awaitDatabase(pool);
      if (mode == null) {
        return;
      }
      synchronized (this) {
        if (stopRequested.getCount() == 0) {
          return;
        }
        writer = ReadingWriter.start(pool, mode, settings.writer(), "vorlauf-reading-writer");
        // partitions ahead and retention on plain PostgreSQL (TimescaleDB's policies do it there)
        maintenance = new StorageMaintenance(pool, settings.storage(), clock);
        maintenance.start(MAINTENANCE_PERIOD);
        pipeline = IngestPipeline.create(pool, writer, settings.ingest(), clock);
        ingestor = new MqttIngestor(settings.mqtt(), pipeline, clock);
        ingestor.start();
        state = "running";
      }
      log.info("MQTT ingestion started: {}", settings.mqtt());
    } catch (RuntimeException e) {
      state = "failed: " + e.getMessage();
      log.error("MQTT ingestion could not start: {}", e.getMessage(), e);
    }
  }

  /** Waits until the readings table exists; null when stopped meanwhile. */
  private StorageMode awaitDatabase(HikariDataSource pool) {
    long pause = 1_000;
    while (true) {
      try (Connection connection = pool.getConnection()) {
        return StorageMode.detect(connection);
      } catch (Exception e) {
        state = "waiting for the database: " + e.getMessage();
        log.warn("MQTT ingestion waits for a migrated database: {}", e.getMessage());
      }
      try {
        if (stopRequested.await(pause, TimeUnit.MILLISECONDS)) {
          return null;
        }
      } catch (InterruptedException e) {
        return null;
      }
      pause = Math.min(pause * 2, 15_000);
    }
  }

  /** For health output: starting, waiting for the database: …, running, stopped, failed: …. */
  public String state() {
    return state;
  }

  public synchronized IngestPipeline pipeline() {
    return pipeline;
  }

  public synchronized MqttIngestor ingestor() {
    return ingestor;
  }

  /** Drains and stops; returns when everything is released. */
  public void stop(Duration grace) {
    stopRequested.countDown();
    try {
      starter.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (ingestor != null) {
        ingestor.stop(grace);
      }
      if (pipeline != null) {
        pipeline.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (maintenance != null) {
        maintenance.close();
      }
      if (dataSource != null) {
        dataSource.close();
      }
      ingestor = null;
      pipeline = null;
      writer = null;
      maintenance = null;
      dataSource = null;
      state = "stopped";
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
