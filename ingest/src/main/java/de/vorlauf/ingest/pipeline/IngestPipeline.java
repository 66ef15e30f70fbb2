package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.ingest.ReadingValidator;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.ingest.pipeline.MessageEvaluator.Evaluation;
import de.vorlauf.persistence.ingest.IngestSource;
import de.vorlauf.persistence.ingest.QuarantineEntry;
import de.vorlauf.persistence.ingest.QuarantineStore;
import de.vorlauf.persistence.ingest.QuarantineStore.Fate;
import de.vorlauf.persistence.timeseries.ReadingRow;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.RowsRejectedException;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.persistence.timeseries.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The one ingestion path of MQTT and REST: parse, device rules, per-reading validation; valid
 * readings to the reading writer, refused parts to the quarantine, every rule counted, device
 * status updated after commit. Thread-safe; one instance per process.
 *
 * <p>{@link #ingest} returns a future that completes only after the readings <em>and</em> the
 * quarantine rows of the message are committed: acknowledge an MQTT message, or answer a REST
 * request with 202, only then. When it completes exceptionally nothing may be assumed stored:
 * deliver again (duplicates are dropped by key, in the readings and in the quarantine).
 *
 * <p>Two lanes ({@link Lane}): a message's valid readings go to the live or the backlog queue of
 * the {@link ReadingSink}, as the sender said (backlog topic, bulk upload) or else by the age of
 * its newest reading ({@link IngestSettings#lanes()}), so that an upload of history never delays
 * what a building is doing now.
 *
 * <p>Its threads (quarantine writer, device status, the hand-off of rows the database refused) come
 * from the {@link ThreadFactory} its creator passes: named platform threads in the worker, the
 * container's managed threads in WildFly. It never runs work on a pool it did not get.
 */
public final class IngestPipeline implements AutoCloseable {

  /** Reason code: an MQTT topic that is not a device topic. */
  public static final String UNKNOWN_TOPIC = "unknown_topic";

  /** Reason code: the database refused valid-looking readings (a gap in validation). */
  public static final String STORAGE_REJECTED = "storage_rejected";

  /** Every reason code a refusal can carry: the rules' and the two above. A closed set. */
  public static final List<String> REASON_CODES =
      Stream.concat(
              Arrays.stream(RejectReason.values()).map(RejectReason::code),
              Stream.of(UNKNOWN_TOPIC, STORAGE_REJECTED))
          .toList();

  private final MessageEvaluator evaluator;
  private final ReadingSink readings;
  private final QuarantineWriter quarantine;
  private final DeviceStatusTracker status;
  private final IngestSettings settings;
  private final Clock clock;
  private final IngestCounters counters = new IngestCounters();
  private final ExecutorService handoff;
  private final List<AutoCloseable> owned;

  IngestPipeline(
      DeviceDirectory directory,
      ReadingSink readings,
      QuarantineWriter quarantine,
      DeviceStatusTracker status,
      IngestSettings settings,
      Clock clock,
      ThreadFactory threads) {
    this.evaluator =
        new MessageEvaluator(
            new ReadingValidator(SensorCatalogue.standard(), settings.validation()),
            directory,
            clock);
    this.readings = readings;
    this.quarantine = quarantine;
    this.status = status;
    this.settings = settings;
    this.clock = clock;
    // one thread, started on first use: a storage refusal is rare
    this.handoff =
        Executors.newSingleThreadExecutor(
            r -> IngestThreads.named(threads, r, "vorlauf-ingest-handoff"));
    // in this order: refused rows reach the quarantine before it drains and stops
    this.owned = List.of(this::closeHandoff, quarantine, status);
  }

  /**
   * A pipeline over the given database and reading writer. It starts its own quarantine writer and
   * device-status thread from {@code threads} and stops them in {@link #close()}; the reading
   * writer stays the caller's.
   *
   * @param threads where its threads come from (see {@link IngestThreads}): named platform threads
   *     in a process, the container's {@code ManagedThreadFactory} in WildFly
   */
  public static IngestPipeline create(
      DataSource dataSource,
      ReadingWriter writer,
      IngestSettings settings,
      Clock clock,
      ThreadFactory threads) {
    return create(dataSource, ReadingSink.of(writer), settings, clock, threads);
  }

  /** As {@link #create(DataSource, ReadingWriter, IngestSettings, Clock, ThreadFactory)}. */
  public static IngestPipeline create(
      DataSource dataSource,
      ReadingSink sink,
      IngestSettings settings,
      Clock clock,
      ThreadFactory threads) {
    DeviceDirectory directory =
        new CachedDeviceDirectory(
            dataSource, settings.deviceCacheTtl(), settings.deviceMissTtl(), clock);
    QuarantineWriter quarantine =
        new QuarantineWriter(
            dataSource,
            new QuarantineStore(),
            settings.quarantineCap(),
            settings.quarantineQueue(),
            "vorlauf-quarantine-writer",
            threads);
    DeviceStatusTracker status =
        new DeviceStatusTracker(
            dataSource, settings.liveness(), settings.statusFlushInterval(), clock, threads);
    return new IngestPipeline(directory, sink, quarantine, status, settings, clock, threads);
  }

  /**
   * Takes one message in.
   *
   * @param maxWait how long to wait for room in the write queue; zero fails at once
   * @throws WriteQueueFullException no room for the readings: nothing was stored or quarantined
   * @throws IngestUnavailableException the device registry cannot be read: nothing was done
   */
  public CompletableFuture<IngestOutcome> ingest(IngestMessage message, Duration maxWait)
      throws WriteQueueFullException, IngestUnavailableException, InterruptedException {
    Evaluation evaluation = evaluator.evaluate(message);
    Lane lane =
        settings
            .lanes()
            .classify(message.backlog(), evaluation.newestReading(), message.receivedAt());
    CompletableFuture<WriteResult> written =
        evaluation.rows().isEmpty()
            ? CompletableFuture.completedFuture(new WriteResult(0, 0))
            : readings.submit(evaluation.rows(), lane, maxWait);
    List<QuarantineEntry> entries =
        MessageEvaluator.entries(evaluation, evaluation.refusals(), settings.payloadCapBytes());
    CompletableFuture<List<Fate>> quarantined = quarantine.submit(entries);
    return written
        .handle(
            (result, error) ->
                result != null
                    ? new StoredReadings(result, List.of(), List.of())
                    : storageRejected(evaluation, error))
        .thenCompose(this::quarantineRejectedRows)
        .thenCombine(quarantined, (stored, fates) -> finish(evaluation, lane, stored, fates));
  }

  /** A batch refused by the database: its rows go to the quarantine instead of being lost. */
  private StoredReadings storageRejected(Evaluation evaluation, Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (!(cause instanceof RowsRejectedException rejected)) {
      throw new CompletionException(cause);
    }
    List<Refusal> refusals = new ArrayList<>(evaluation.refusals());
    for (ReadingRow row : evaluation.rows()) {
      refusals.add(new Refusal(STORAGE_REJECTED, rejected.getMessage(), row.sensorId()));
    }
    List<QuarantineEntry> all =
        MessageEvaluator.entries(evaluation, refusals, settings.payloadCapBytes());
    return new StoredReadings(
        new WriteResult(0, 0), all.subList(evaluation.refusals().size(), all.size()), refusals);
  }

  private CompletableFuture<StoredReadings> quarantineRejectedRows(StoredReadings stored) {
    if (stored.extraEntries().isEmpty()) {
      return CompletableFuture.completedFuture(stored);
    }
    // off the writer thread: submitting may wait for room in the quarantine queue
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return quarantine.submit(stored.extraEntries());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
              }
            },
            handoff)
        .thenCompose(f -> f)
        .thenApply(fates -> stored);
  }

  private record StoredReadings(
      WriteResult result, List<QuarantineEntry> extraEntries, List<Refusal> allRefusals) {}

  private IngestOutcome finish(
      Evaluation evaluation, Lane lane, StoredReadings stored, List<Fate> fates) {
    List<Refusal> refusals =
        stored.allRefusals().isEmpty() ? evaluation.refusals() : stored.allRefusals();
    int inQuarantine = 0;
    int dropped = 0;
    for (Fate fate : fates) {
      counters.quarantine(fate);
      if (fate == Fate.DROPPED) {
        dropped++;
      } else {
        inQuarantine++;
      }
    }
    // rows moved to the quarantine after a storage refusal count as quarantined too
    inQuarantine += stored.extraEntries().size();
    refusals.forEach(r -> counters.rejected(r.reason()));
    WriteResult result = stored.result();
    counters.readings(result.inserted(), result.duplicates());
    counters.message();
    // a polled vendor reading is as old as the vendor cloud's cadence makes it: that is
    // vorlauf_vendor_polling_lag_seconds, and counting it here would flag a healthy live lane
    boolean polled = evaluation.message().source() == IngestSource.VENDOR;
    counters.committed(
        lane,
        evaluation.message().receivedAt(),
        polled ? null : evaluation.newestReading(),
        clock.instant());
    if (evaluation.device() != null) {
      status.record(
          evaluation.device(),
          evaluation.message().receivedAt(),
          evaluation.newestReading(),
          result.inserted(),
          refusals.size(),
          evaluation.metadata());
    }
    return new IngestOutcome(
        evaluation.message().senderId(),
        stored.allRefusals().isEmpty() ? evaluation.rows().size() : 0,
        result.inserted(),
        result.duplicates(),
        refusals,
        inQuarantine,
        dropped,
        lane);
  }

  public IngestStats stats() {
    return counters.snapshot();
  }

  /** What {@code lane} committed since this pipeline started. */
  public LaneStats lane(Lane lane) {
    return counters.lane(lane);
  }

  public DeviceStatusTracker deviceStatus() {
    return status;
  }

  Evaluation evaluate(IngestMessage message) throws IngestUnavailableException {
    return evaluator.evaluate(message);
  }

  ReadingSink readings() {
    return readings;
  }

  IngestSettings settings() {
    return settings;
  }

  IngestCounters counters() {
    return counters;
  }

  private void closeHandoff() throws InterruptedException {
    handoff.shutdown();
    if (!handoff.awaitTermination(30, TimeUnit.SECONDS)) {
      handoff.shutdownNow();
    }
  }

  /**
   * Writes pending quarantine rows and device status, then stops the pipeline's threads. Close the
   * reading writer first: a batch it still commits may send refused rows to the quarantine.
   */
  @Override
  public void close() {
    for (AutoCloseable closeable : owned) {
      try {
        closeable.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(IngestPipeline.class)
            .warn("closing {} failed: {}", closeable, e.getMessage());
      }
    }
  }
}
