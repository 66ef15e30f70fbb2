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
 * Publishes this process's lane progress to {@code ingest_progress} every {@link #PERIOD}, and at
 * once when a lane's subscription or stall changes (so a check right after a start or a stall does
 * not read an old state): the self-check activity runs on whichever worker Temporal picks and the
 * status page runs in the WAR, so neither can see the other workers' counters in memory; the table
 * has every worker's. A failed write is logged once per failure streak and tried again next period
 * (the database being down is readiness's news, not this loop's).
 */
public final class IngestProgressPublisher implements AutoCloseable {

  public static final Duration PERIOD = Duration.ofSeconds(10);

  /** How often the lanes are looked at for a change worth writing before the period is up. */
  static final Duration LOOK = Duration.ofSeconds(1);

  /** Rows nobody refreshed for this long belong to a process that died without removing them. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(IngestProgressPublisher.class);

  private final IngestProgressStore store;
  private final Supplier<List<LaneProgress>> lanes;
  private final Clock clock;
  private final String processId;
  private final ScheduledExecutorService timer;
  private volatile boolean failing;
  private long lastWrittenNanos;
  private volatile List<Boolean> lastShape;

  private IngestProgressPublisher(
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

  /**
   * The id a worker reports under: pid@host as the Temporal SDK names the worker, and the health
   * port, which tells apart several workers in one JVM (tests).
   */
  public static String processId(int healthPort) {
    return ManagementFactory.getRuntimeMXBean().getName() + ":" + healthPort;
  }

  /**
   * @param lanes this process's lanes now, empty while the pipeline does not run (nothing written)
   */
  public static IngestProgressPublisher start(
      IngestProgressStore store,
      String processId,
      Supplier<List<LaneProgress>> lanes,
      Clock clock) {
    IngestProgressPublisher reporter = new IngestProgressPublisher(store, processId, lanes, clock);
    reporter.timer.scheduleWithFixedDelay(
        reporter::report, 0, LOOK.toMillis(), TimeUnit.MILLISECONDS);
    return reporter;
  }

  void report() {
    try {
      List<LaneProgress> now = lanes.get();
      if (now.isEmpty()) {
        return;
      }
      List<Boolean> shape = shape(now);
      boolean stalled = now.stream().anyMatch(lane -> lane.stalledSeconds() > 0);
      boolean due =
          stalled
              || lastShape == null
              || !shape.equals(lastShape)
              || System.nanoTime() - lastWrittenNanos >= PERIOD.toNanos();
      if (!due) {
        return;
      }
      store.publish(now, clock.instant().minus(FORGET_AFTER));
      lastWrittenNanos = System.nanoTime();
      lastShape = shape;
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

  /** What makes a report urgent besides a stall: per lane, whether it is subscribed. */
  private static List<Boolean> shape(List<LaneProgress> lanes) {
    List<Boolean> shape = new java.util.ArrayList<>();
    for (LaneProgress lane : lanes) {
      shape.add(lane.subscribed());
    }
    return shape;
  }

  /** Stops reporting and removes this process's rows, so nobody counts a stopped worker. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      if (lastShape == null || failing) {
        // nothing written, or the database did not answer the last time: waiting for a
        // connection would hold up the stop, and readers ignore rows older than 30 s anyway
        return;
      }
      store.remove(processId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      log.warn("cannot remove this worker's ingest progress rows: {}", e.toString());
    }
  }
}
