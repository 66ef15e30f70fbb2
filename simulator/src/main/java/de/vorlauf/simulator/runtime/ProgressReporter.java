package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.mqtt.FleetConnections;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says how far the simulator is, on stdout through the log: during the backfill every few seconds
 * (share done and readings per second since the last line), once live every minute.
 */
final class ProgressReporter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger("de.vorlauf.simulator.progress");

  private final FleetRuntime runtime;
  private final GroundTruthLedger ledger;
  private final FleetConnections connections;
  private final SetpointResponder setpoints;
  private final ScheduledExecutorService timer;
  private long lastReadings;
  private long lastNanos = System.nanoTime();
  private long liveTicks;

  ProgressReporter(
      FleetRuntime runtime,
      GroundTruthLedger ledger,
      FleetConnections connections,
      SetpointResponder setpoints,
      Duration interval) {
    this.runtime = runtime;
    this.ledger = ledger;
    this.connections = connections;
    this.setpoints = setpoints;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-progress");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(500, interval.toMillis());
    timer.scheduleAtFixedRate(() -> report(millis), millis, millis, TimeUnit.MILLISECONDS);
  }

  private synchronized void report(long intervalMillis) {
    try {
      long readings = ledger.readingsPublished();
      long now = System.nanoTime();
      double rate = (readings - lastReadings) * 1e9 / Math.max(1, now - lastNanos);
      lastReadings = readings;
      lastNanos = now;
      if (runtime.backfilling()) {
        log.info(
            String.format(
                Locale.ROOT,
                "backfill %5.1f %% · %,.0f readings/s · %,d readings published · %d/%d connected · %,d unacknowledged",
                runtime.backfillShare() * 100,
                rate,
                readings,
                connections.connectedCount(),
                connections.size(),
                connections.pendingCount()));
      } else if (++liveTicks * intervalMillis >= 60_000) {
        liveTicks = 0;
        log.info(
            String.format(
                Locale.ROOT,
                "live · %d minutes · %,d readings published · %d/%d connected · setpoints %d applied, %d rejected · %d refused by the broker",
                runtime.liveMinutes(),
                readings,
                connections.connectedCount(),
                connections.size(),
                setpoints.applied(),
                setpoints.rejected(),
                ledger.refusedMessages()));
      }
    } catch (RuntimeException e) {
      log.warn("progress report failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
