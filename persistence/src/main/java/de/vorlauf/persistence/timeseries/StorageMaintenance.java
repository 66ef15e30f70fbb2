package de.vorlauf.persistence.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-PostgreSQL counterpart of TimescaleDB's policies: daily partitions from today to {@link
 * StorageSettings#partitionsAhead()} days ahead, raw partitions dropped after retention, rollup
 * rows pruned after theirs. On TimescaleDB {@link #runOnce()} only prunes the archived rollup of
 * the pre-series layout (its policies do the rest). Safe to run from several workers at once; meant
 * to run at start and then every hour (the ingest module's {@code StorageMaintenanceLoop} does
 * that).
 */
public final class StorageMaintenance {

  private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);

  private static final String PRUNE_ROLLUP = "DELETE FROM readings_rollup_hourly WHERE bucket < ?";

  // building-level hours kept from before the series layout (V62): TimescaleDB's policies do not
  // know this plain table, so both modes prune it here
  private static final String PRUNE_ARCHIVE =
      "DELETE FROM readings_rollup_archive WHERE bucket < ?";

  /** What one run did. */
  public record Result(
      StorageMode mode, List<LocalDate> partitionsDropped, int rollupRowsDeleted) {}

  private final DataSource dataSource;
  private final StorageSettings settings;
  private final Clock clock;
  private final PartitionManager partitions = new PartitionManager();

  public StorageMaintenance(DataSource dataSource, StorageSettings settings, Clock clock) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.clock = clock;
  }

  public Result runOnce() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      StorageMode mode = StorageMode.detect(connection);
      Instant now = clock.instant();
      int archived = prune(connection, PRUNE_ARCHIVE, now.minus(settings.rollupRetention()));
      if (mode == StorageMode.TIMESCALEDB) {
        return new Result(mode, List.of(), archived);
      }
      partitions.ensure(
          connection, PartitionNames.window(PartitionNames.dayOf(now), settings.partitionsAhead()));
      List<LocalDate> dropped = partitions.dropExpired(connection, now, settings.rawRetention());
      int pruned =
          archived + prune(connection, PRUNE_ROLLUP, now.minus(settings.rollupRetention()));
      if (!dropped.isEmpty() || pruned > 0) {
        log.info(
            "Storage maintenance: dropped partitions {}, deleted {} rollup rows before {}",
            dropped,
            pruned,
            now.minus(settings.rollupRetention()));
      }
      return new Result(mode, dropped, pruned);
    }
  }

  private static int prune(Connection connection, String sql, Instant before) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
      return statement.executeUpdate();
    }
  }
}
