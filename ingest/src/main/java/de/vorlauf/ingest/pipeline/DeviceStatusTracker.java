package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.domain.ingest.DeviceMetadata;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.persistence.ingest.DeviceActivity;
import de.vorlauf.persistence.ingest.DeviceInfo;
import de.vorlauf.persistence.ingest.DeviceStatusStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code device_status} current without a write per message: the pipeline reports each
 * committed message here, activity is merged per device in memory and written every {@code
 * flushInterval} as one row per device (at 100,000 readings/s that is a few hundred rows per
 * second). The status is written right after the readings committed, not in their transaction: a
 * crash in between loses at most one interval of counts, never a reading. A failed flush keeps its
 * activity for the next one.
 */
public final class DeviceStatusTracker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeviceStatusTracker.class);
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final DeviceStatusStore store;
  private final Clock clock;
  private final ConcurrentMap<String, DeviceActivity> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  /** Starts its timer thread from {@code threads} (see {@link IngestThreads}). */
  public DeviceStatusTracker(
      DataSource dataSource,
      DeviceLiveness liveness,
      Duration flushInterval,
      Clock clock,
      ThreadFactory threads) {
    this.dataSource = dataSource;
    this.store = new DeviceStatusStore(liveness);
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> IngestThreads.named(threads, r, "vorlauf-device-status"));
    scheduler.scheduleWithFixedDelay(
        this::flushQuietly,
        flushInterval.toMillis(),
        flushInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::sweepQuietly, 0, SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Notes a message whose outcome committed. */
  void record(
      DeviceInfo device,
      Instant arrivedAt,
      Instant newestReading,
      int stored,
      int refused,
      DeviceMetadata metadata) {
    DeviceActivity activity =
        new DeviceActivity(
            device.deviceId(),
            device.buildingId(),
            arrivedAt,
            arrivedAt,
            stored > 0 ? newestReading : null,
            1,
            stored,
            refused,
            metadata,
            metadata == null ? null : arrivedAt);
    pending.merge(device.deviceId(), activity, DeviceActivity::merge);
  }

  /** Writes what is pending now; for tests and shutdown. */
  public void flush() throws SQLException {
    List<DeviceActivity> batch = new ArrayList<>();
    for (String deviceId : List.copyOf(pending.keySet())) {
      DeviceActivity activity = pending.remove(deviceId);
      if (activity != null) {
        batch.add(activity);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        store.apply(connection, batch);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      batch.forEach(a -> pending.merge(a.deviceId(), a, DeviceActivity::merge));
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (SQLException | RuntimeException e) {
      log.warn(
          "device status not written ({} devices pending): {}", pending.size(), e.getMessage());
    }
  }

  private void sweepQuietly() {
    try (Connection connection = dataSource.getConnection()) {
      int offline = store.sweep(connection, clock.instant());
      if (offline > 0) {
        log.info("{} devices went offline (no message for their offline time)", offline);
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("device offline sweep failed: {}", e.getMessage());
    }
  }

  public DeviceStatusStore store() {
    return store;
  }

  /** Stops the timer and writes what is pending (once; a failure is logged). */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
