package de.vorlauf.worker.health;

import de.vorlauf.persistence.ingest.IngestProgressStore;
import de.vorlauf.persistence.ingest.LaneProgress;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this process's lane progress to {@code ingest_progress} every {@link #PERIOD}: the
 * self-check activity runs on whichever worker Temporal picks and the status page runs in the WAR,
 * so neither can see the other workers' counters in memory; the table has every worker's. A failed
 * write is logged once per failure streak and tried again next period (the database being down is
 * readiness's news, not this loop's).
 */
public final class ProgressReporter implements AutoCloseable {

  public static final Duration PERIOD = Duration.ofSeconds(10);

  /** Rows nobody refreshed for this long belong to a process that died without removing them. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

  private final IngestProgressStore store;
  private final Supplier<List<LaneProgress>> lanes;
  private final Clock clock;
  private final String processId;
  private final ScheduledExecutorService timer;
  private boolean failing;

  private ProgressReporter(
      IngestProgressStore store,
      String processId,
      Supplier<List<LaneProgress>> lanes,
      Clock clock) {
    this.store = store;
    this.processId = processId;
    this.lanes = lanes;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "vorlauf-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The id this process reports under: pid@host, as the Temporal SDK names the worker. */
  public static String processId() {
    return ManagementFactory.getRuntimeMXBean().getName();
  }

  /**
   * @param lanes this process's lanes now, empty while the pipeline does not run (nothing written)
   */
  public static ProgressReporter start(
      IngestProgressStore store,
      String processId,
      Supplier<List<LaneProgress>> lanes,
      Clock clock) {
    ProgressReporter reporter = new ProgressReporter(store, processId, lanes, clock);
    reporter.timer.scheduleWithFixedDelay(
        reporter::report, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return reporter;
  }

  void report() {
    try {
      List<LaneProgress> now = lanes.get();
      if (!now.isEmpty()) {
        store.publish(now, clock.instant().minus(FORGET_AFTER));
      }
      if (failing) {
        log.info("ingest progress published again");
        failing = false;
      }
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        log.warn("cannot publish ingest progress (retried every {}): {}", PERIOD, e.toString());
        failing = true;
      }
    }
  }

  /** Stops reporting and removes this process's rows, so nobody counts a stopped worker. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      store.remove(processId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      log.warn("cannot remove this worker's ingest progress rows: {}", e.toString());
    }
  }
}
