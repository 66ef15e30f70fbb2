package de.vorlauf.ingest.metrics;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestStats;
import de.vorlauf.ingest.pipeline.LaneStats;
import de.vorlauf.persistence.timeseries.WriterStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The ingest pipeline's {@code vorlauf_ingest_*} meters, the same in the worker (MQTT, vendor
 * polling) and the WAR (REST): each reads the counters the pipeline and its reading writers keep
 * anyway, nothing is counted twice. A pipeline that does not run yet reads as 0 (the lag as NaN).
 * Labels are closed sets: {@code lane} (live, backlog), {@code reason} ({@link
 * IngestPipeline#REASON_CODES}), {@code fate} (stored, duplicate, dropped). docs/metrics.md lists
 * each.
 */
public final class PipelineMetrics {

  private final Supplier<IngestPipeline> pipeline;
  private final Function<Lane, WriterStats> writers;

  private PipelineMetrics(Supplier<IngestPipeline> pipeline, Function<Lane, WriterStats> writers) {
    this.pipeline = pipeline;
    this.writers = writers;
  }

  /**
   * Registers the meters; keep the returned object as long as the registry (meters hold it weakly).
   *
   * @param pipeline the running pipeline, null while it does not run
   * @param writers a lane's reading-writer counters, null while it does not run
   */
  public static PipelineMetrics bind(
      MeterRegistry registry,
      Supplier<IngestPipeline> pipeline,
      Function<Lane, WriterStats> writers) {
    PipelineMetrics metrics = new PipelineMetrics(pipeline, writers);
    metrics.bindCounters(registry);
    for (Lane lane : Lane.values()) {
      metrics.bindLane(registry, lane);
    }
    return metrics;
  }

  private void bindCounters(MeterRegistry registry) {
    counter(
        registry,
        "vorlauf.ingest.messages",
        "messages whose outcome is committed",
        IngestStats::messages);
    counter(
        registry,
        "vorlauf.ingest.readings.stored",
        "readings stored for the first time",
        IngestStats::readingsStored);
    counter(
        registry,
        "vorlauf.ingest.readings.duplicate",
        "readings already stored (redelivery), not stored again",
        IngestStats::readingsDuplicate);
    for (String reason : IngestPipeline.REASON_CODES) {
      FunctionCounter.builder(
              "vorlauf.ingest.quarantined",
              this,
              m -> m.stats(s -> s.rejectedByReason().getOrDefault(reason, 0L)))
          .description("refused parts (messages or readings) sent to the quarantine, per rule")
          .tag("reason", reason)
          .register(registry);
    }
    fate(registry, "stored", IngestStats::quarantineStored);
    fate(registry, "duplicate", IngestStats::quarantineDuplicate);
    fate(registry, "dropped", IngestStats::quarantineDropped);
  }

  private void bindLane(MeterRegistry registry, Lane lane) {
    String code = lane.code();
    FunctionTimer.builder(
            "vorlauf.ingest.receive.to.commit",
            this,
            m -> m.lane(lane).messages(),
            m -> m.lane(lane).receiveToCommitNanos(),
            TimeUnit.NANOSECONDS)
        .description("time from a message's arrival in this process to its commit")
        .tag("lane", code)
        .register(registry);
    Gauge.builder("vorlauf.ingest.lag", this, m -> m.lag(lane))
        .description("commit time minus the newest reading of the last committed message")
        .baseUnit("seconds")
        .tag("lane", code)
        .register(registry);
    Gauge.builder("vorlauf.ingest.queued.rows", this, m -> m.writer(lane, WriterStats::pendingRows))
        .description("readings accepted by the lane's writer and not committed yet")
        .tag("lane", code)
        .register(registry);
    FunctionCounter.builder(
            "vorlauf.ingest.batch.rows",
            this,
            m -> m.writer(lane, w -> w.inserted() + w.duplicates()))
        .description("readings in committed batches (over the commit count: the batch size)")
        .tag("lane", code)
        .register(registry);
    FunctionTimer.builder(
            "vorlauf.ingest.batch.commit",
            this,
            m -> (long) m.writer(lane, WriterStats::batches),
            m -> m.writer(lane, WriterStats::commitNanos),
            TimeUnit.NANOSECONDS)
        .description("committed batches and the time their writes took")
        .tag("lane", code)
        .register(registry);
    FunctionCounter.builder(
            "vorlauf.ingest.write.retries", this, m -> m.writer(lane, WriterStats::failedAttempts))
        .description("batch writes that failed and were tried again (database trouble)")
        .tag("lane", code)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry, String name, String description, ToDoubleFunction<IngestStats> f) {
    FunctionCounter.builder(name, this, m -> m.stats(f))
        .description(description)
        .register(registry);
  }

  private void fate(MeterRegistry registry, String fate, ToDoubleFunction<IngestStats> f) {
    FunctionCounter.builder("vorlauf.ingest.quarantine.rows", this, m -> m.stats(f))
        .description(
            "quarantine rows by what became of them: stored, duplicate, dropped at the cap")
        .tag("fate", fate)
        .register(registry);
  }

  private double stats(ToDoubleFunction<IngestStats> f) {
    IngestPipeline running = pipeline.get();
    return running == null ? 0 : f.applyAsDouble(running.stats());
  }

  private LaneStats lane(Lane lane) {
    IngestPipeline running = pipeline.get();
    return running == null ? LaneStats.none(lane) : running.lane(lane);
  }

  private double lag(Lane lane) {
    Duration lag = lane(lane).lastLag();
    return lag == null ? Double.NaN : lag.toMillis() / 1000.0;
  }

  private double writer(Lane lane, ToDoubleFunction<WriterStats> f) {
    WriterStats stats = writers.apply(lane);
    return stats == null ? 0 : f.applyAsDouble(stats);
  }
}
