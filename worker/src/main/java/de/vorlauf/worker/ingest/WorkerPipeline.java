package de.vorlauf.worker.ingest;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.ingest.LanePolicy;
import de.vorlauf.domain.ingest.ValidationPolicy;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.ingest.maintenance.StorageMaintenanceLoop;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.ingest.pipeline.ReadingSink;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMaintenance;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.persistence.timeseries.WriterStats;
import de.vorlauf.worker.config.MqttIngestConfig;
import de.vorlauf.worker.config.WorkerConfig;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process's one ingest pipeline: its connection pool, a reading writer per lane (live
 * and backlog: each with its own bounded queue and thread, see {@link ReadingSink#lanes}), the
 * {@link IngestPipeline} and the storage maintenance loop. Vendor polling always feeds it; MQTT
 * ingestion ({@link MqttIngestion}) feeds it too when enabled. Starts in the background and waits
 * for a migrated database ({@link #ready()} completes then). Stops in this order: the writer
 * commits what is queued, the pipeline writes its quarantine rows and device status, then
 * maintenance and pool.
 */
public final class WorkerPipeline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkerPipeline.class);
  private static final Duration MAINTENANCE_PERIOD = Duration.ofHours(1);

  /** Everything the pipeline is built from. */
  public record Settings(
      DatabaseSettings database,
      WriterSettings writer,
      IngestSettings ingest,
      StorageSettings storage) {}

  private final Settings settings;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CompletableFuture<IngestPipeline> ready = new CompletableFuture<>();
  private final Thread starter;
  private volatile String state = "starting";
  private HikariDataSource dataSource;
  private ReadingWriter writer;
  private ReadingWriter backlogWriter;
  private IngestPipeline pipeline;
  private StorageMaintenanceLoop maintenance;

  private WorkerPipeline(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.starter = new Thread(this::startUp, "vorlauf-ingest-start");
  }

  /** Starts in the background and returns at once. */
  public static WorkerPipeline start(Settings settings, Clock clock) {
    WorkerPipeline pipeline = new WorkerPipeline(settings, clock);
    pipeline.starter.start();
    return pipeline;
  }

  /** The worker's pipeline settings from its configuration. */
  public static Settings settings(WorkerConfig config) {
    MqttIngestConfig ingest = config.ingest();
    DatabaseSettings database =
        new DatabaseSettings(
            config.dbUrl(), config.dbUser(), config.dbPassword(), 8, Duration.ofSeconds(10));
    WriterSettings writer =
        WriterSettings.defaults()
            .withQueueRows(ingest.queueRows())
            .withBatchRows(ingest.batchRows())
            .withLinger(ingest.linger())
            .withSeriesCache(ingest.seriesCache())
            .withCloseTimeout(config.shutdownGrace());
    IngestSettings pipeline =
        IngestSettings.defaults()
            // a reading older than the raw retention would be dropped at once: refuse it instead
            .withValidation(
                new ValidationPolicy(
                    ValidationPolicy.DEFAULT.maxFutureSkew(), config.storage().rawRetention()))
            .withQuarantineCap(ingest.quarantineCap())
            .withLiveness(
                new DeviceLiveness(ingest.offlineAfter(), DeviceLiveness.DEFAULT.onlineAfter()))
            .withLanes(new LanePolicy(ingest.liveWindow()));
    return new Settings(database, writer, pipeline, config.storage());
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
      IngestPipeline started;
      synchronized (this) {
        if (stopRequested.getCount() == 0) {
          return;
        }
        writer = ReadingWriter.start(pool, mode, settings.writer(), "vorlauf-reading-writer");
        backlogWriter =
            ReadingWriter.start(pool, mode, settings.writer(), "vorlauf-backlog-writer");
        // partitions ahead and retention on plain PostgreSQL (TimescaleDB's policies do it there)
        maintenance =
            StorageMaintenanceLoop.start(
                new StorageMaintenance(pool, settings.storage(), clock),
                MAINTENANCE_PERIOD,
                IngestThreads.platform());
        pipeline =
            IngestPipeline.create(
                pool,
                ReadingSink.lanes(writer, backlogWriter),
                settings.ingest(),
                clock,
                IngestThreads.platform());
        started = pipeline;
        state = "running";
      }
      log.info("ingest pipeline started ({})", mode.label());
      ready.complete(started);
    } catch (RuntimeException e) {
      state = "failed: " + e.getMessage();
      log.error("the ingest pipeline could not start: {}", e.getMessage(), e);
      ready.completeExceptionally(e);
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
        log.warn("the ingest pipeline waits for a migrated database: {}", e.getMessage());
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

  /** The pipeline once it runs; null before (and after {@link #stop}). */
  public synchronized IngestPipeline pipeline() {
    return pipeline;
  }

  /** The counters of {@code lane}'s reading writer; null while the pipeline does not run. */
  public synchronized WriterStats writerStats(Lane lane) {
    ReadingWriter laneWriter = lane == Lane.BACKLOG ? backlogWriter : writer;
    return laneWriter == null ? null : laneWriter.stats();
  }

  /**
   * Completes with the pipeline once it runs; fails when it could not start or was stopped first.
   * Whoever waits for it runs on the starting thread: hand long work elsewhere.
   */
  public CompletableFuture<IngestPipeline> ready() {
    return ready;
  }

  /**
   * Commits what is queued and stops; returns when everything is released. Stop what feeds the
   * pipeline (MQTT ingestion, activities) first.
   */
  public void stop(Duration grace) {
    stopRequested.countDown();
    try {
      starter.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      ready.completeExceptionally(new IllegalStateException("the ingest pipeline was stopped"));
      // the writer first: a batch it still commits may send refused rows to the quarantine
      if (writer != null) {
        writer.close();
      }
      if (backlogWriter != null) {
        backlogWriter.close();
      }
      if (pipeline != null) {
        pipeline.close();
      }
      if (maintenance != null) {
        maintenance.close();
      }
      if (dataSource != null) {
        dataSource.close();
      }
      writer = null;
      backlogWriter = null;
      pipeline = null;
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
