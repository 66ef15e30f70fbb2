package de.vorlauf.webadmin.ingest;

import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.ingest.LanePolicy;
import de.vorlauf.domain.ingest.ValidationPolicy;
import de.vorlauf.domain.logging.DeviceLogContext;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.ingest.pipeline.IngestStats;
import de.vorlauf.ingest.pipeline.IngestUnavailableException;
import de.vorlauf.ingest.pipeline.QuarantineReingest;
import de.vorlauf.ingest.pipeline.ReadingSink;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.persistence.timeseries.WriterStats;
import de.vorlauf.webadmin.config.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAR's end of the shared ingestion pipeline ({@link IngestPipeline}, the same code the
 * worker's MQTT ingestor runs): a reading writer per lane (live, backlog) and one pipeline per
 * deployment, started on first use (WildFly boots while PostgreSQL is down; the storage mode can
 * only be detected once it answers) and closed when the application stops, after flushing what was
 * accepted.
 */
@ApplicationScoped
public class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  public static final int RETRY_AFTER_SECONDS = 5;

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  /**
   * The container's default factory: every thread of REST ingestion (reading writer, quarantine
   * writer, device status, hand-off) is a managed thread, run in the application's context and
   * known to the container, and named {@code vorlauf-…} for thread dumps.
   */
  @Resource ManagedThreadFactory threads;

  @Inject IngestConfig config;

  private volatile Running running;
  private boolean closed;

  private record Running(
      StorageMode mode,
      ReadingWriter writer,
      ReadingWriter backlogWriter,
      IngestPipeline pipeline,
      QuarantineReingest reingest) {}

  /**
   * Runs one REST body through the pipeline and waits until its readings and quarantine rows are
   * committed.
   *
   * @throws IngestBusyException nothing may be assumed stored; the client should retry
   */
  public IngestOutcome ingest(String deviceId, byte[] body)
      throws IngestBusyException, InterruptedException {
    Running r = running();
    IngestMessage message = IngestMessage.rest(deviceId, body, Clock.systemUTC().instant());
    try {
      return r.pipeline()
          .ingest(message, Duration.ZERO)
          .get(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (WriteQueueFullException e) {
      throw new IngestBusyException(
          "the write queue is full (" + config.queueRows() + " readings waiting); retry shortly",
          RETRY_AFTER_SECONDS,
          e);
    } catch (IngestUnavailableException e) {
      throw new IngestBusyException(
          "the device registry cannot be read right now; retry shortly", RETRY_AFTER_SECONDS, e);
    } catch (TimeoutException e) {
      throw new IngestBusyException(
          "the readings were not committed within "
              + config.commitTimeout().toSeconds()
              + " s (database slow or down); send them again, duplicates are dropped",
          RETRY_AFTER_SECONDS * 6,
          e);
    } catch (ExecutionException e) {
      try (DeviceLogContext device = DeviceLogContext.open(null, deviceId)) {
        LOG.warn(
            "REST ingest of device {} failed before commit: {}", deviceId, e.getCause().toString());
      }
      throw new IngestBusyException(
          "the readings could not be stored right now; send them again", RETRY_AFTER_SECONDS, e);
    }
  }

  /**
   * Runs a bulk upload's messages through the pipeline's backlog lane and waits for their commit
   * ({@link BulkUpload}).
   *
   * @throws IngestBusyException the backlog lane is full (or the database away): retry later
   */
  public List<IngestOutcome> ingestBulk(String deviceId, List<byte[]> messages)
      throws IngestBusyException, InterruptedException {
    Running r = running();
    return BulkUpload.run(
        deviceId,
        messages,
        message -> r.pipeline().ingest(message, Duration.ZERO),
        config.commitTimeout(),
        Clock.systemUTC().instant(),
        RETRY_AFTER_SECONDS);
  }

  /** Re-runs quarantined messages through the pipeline (see {@link QuarantineReingest}). */
  public QuarantineReingest.Report reingest(QuarantineReingest.Selection selection)
      throws IngestBusyException, InterruptedException {
    Running r = running();
    try {
      return r.reingest().reingest(selection, Duration.ofSeconds(10));
    } catch (WriteQueueFullException | IngestUnavailableException e) {
      throw new IngestBusyException(e.getMessage(), RETRY_AFTER_SECONDS, e);
    }
  }

  /** The storage mode, once the pipeline runs (or can be started now). */
  public Optional<StorageMode> storageMode() {
    try {
      return Optional.of(running().mode());
    } catch (IngestBusyException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public synchronized Optional<IngestStats> stats() {
    return running == null ? Optional.empty() : Optional.of(running.pipeline().stats());
  }

  /** The running pipeline for its meters; null until the first ingestion started it. */
  public synchronized IngestPipeline runningPipeline() {
    return running == null ? null : running.pipeline();
  }

  /** {@code lane}'s writer counters for its meters; null until the pipeline runs. */
  public synchronized WriterStats writerStats(Lane lane) {
    if (running == null) {
      return null;
    }
    return (lane == Lane.BACKLOG ? running.backlogWriter() : running.writer()).stats();
  }

  public synchronized Optional<WriterStats> writerStats() {
    return running == null ? Optional.empty() : Optional.of(running.writer().stats());
  }

  public DeviceLiveness liveness() {
    return new DeviceLiveness(config.offlineAfter(), DeviceLiveness.DEFAULT.onlineAfter());
  }

  private Running running() throws IngestBusyException {
    Running r = running;
    return r != null ? r : start();
  }

  private synchronized Running start() throws IngestBusyException {
    if (closed) {
      throw new IngestBusyException("the application is stopping", RETRY_AFTER_SECONDS, null);
    }
    if (running != null) {
      return running;
    }
    StorageMode mode;
    try (Connection connection = dataSource.getConnection()) {
      mode = StorageMode.detect(connection);
    } catch (SQLException | IllegalStateException e) {
      throw new IngestBusyException(
          "the database cannot take readings now: " + e.getMessage(), RETRY_AFTER_SECONDS, e);
    }
    ReadingWriter writer = startWriter(mode, "vorlauf-rest-writer");
    // bulk uploads and old readings: their own queue, so a full one answers 503 to them alone
    ReadingWriter backlogWriter = startWriter(mode, "vorlauf-rest-backlog-writer");
    IngestSettings settings =
        IngestSettings.defaults()
            .withValidation(
                new ValidationPolicy(
                    ValidationPolicy.DEFAULT.maxFutureSkew(), config.rawRetention()))
            .withQuarantineCap(config.quarantineCap())
            .withLiveness(liveness())
            .withLanes(new LanePolicy(config.liveWindow()));
    IngestPipeline pipeline =
        IngestPipeline.create(
            dataSource,
            ReadingSink.lanes(writer, backlogWriter),
            settings,
            Clock.systemUTC(),
            threads);
    running =
        new Running(
            mode, writer, backlogWriter, pipeline, new QuarantineReingest(dataSource, pipeline));
    LOG.info("REST ingestion started ({})", mode.label());
    return running;
  }

  private ReadingWriter startWriter(StorageMode mode, String name) {
    return ReadingWriter.start(
        dataSource, mode, writerSettings(config), name, IngestThreads.naming(threads, name));
  }

  /**
   * Each lane's writer: the configured queue, and batches of the default size unless the queue is
   * smaller. VORLAUF_INGEST_QUEUE_ROWS may be as low as 1,000, below the default batch of 5,000
   * rows, and the WAR reads no batch size of its own (VORLAUF_INGEST_BATCH_ROWS is the worker's): a
   * batch can never hold more than the queue anyway.
   */
  static WriterSettings writerSettings(IngestConfig config) {
    WriterSettings defaults = WriterSettings.defaults();
    return defaults
        .withBatchRows(Math.min(defaults.batchRows(), config.queueRows()))
        .withQueueRows(config.queueRows());
  }

  @PreDestroy
  synchronized void close() {
    closed = true;
    if (running != null) {
      // the writer first: a batch it still commits may send refused rows to the quarantine
      running.writer().close();
      running.backlogWriter().close();
      running.pipeline().close();
      LOG.info("REST ingestion stopped: {}", running.writer().stats());
      running = null;
    }
  }
}
