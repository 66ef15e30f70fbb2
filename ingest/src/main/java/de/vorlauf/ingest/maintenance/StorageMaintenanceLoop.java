package de.vorlauf.ingest.maintenance;

import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.persistence.timeseries.StorageMaintenance;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link StorageMaintenance} (partitions ahead, retention on plain PostgreSQL; nothing on
 * TimescaleDB, whose policies do it) at start and then every period, on one thread named {@code
 * vorlauf-storage-maintenance} from the creator's factory. A failed run is logged and tried again
 * at the next period. The SQL it runs lives in persistence; only the schedule is here.
 */
public final class StorageMaintenanceLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StorageMaintenanceLoop.class);

  private final StorageMaintenance maintenance;
  private final ScheduledExecutorService scheduler;

  private StorageMaintenanceLoop(StorageMaintenance maintenance, ThreadFactory threads) {
    this.maintenance = maintenance;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> IngestThreads.named(threads, r, "vorlauf-storage-maintenance"));
  }

  /** The first run starts at once (on the loop's thread), then one every {@code period}. */
  public static StorageMaintenanceLoop start(
      StorageMaintenance maintenance, Duration period, ThreadFactory threads) {
    StorageMaintenanceLoop loop = new StorageMaintenanceLoop(maintenance, threads);
    loop.scheduler.scheduleWithFixedDelay(
        loop::runLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return loop;
  }

  private void runLogged() {
    try {
      maintenance.runOnce();
    } catch (SQLException | RuntimeException e) {
      log.warn("Storage maintenance failed, trying again at the next run: {}", e.toString());
    }
  }

  /** Stops the loop; a run in progress is interrupted (the next start repeats it harmlessly). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
