package de.vorlauf.persistence.timeseries;

import de.vorlauf.persistence.features.DirtyDays;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One batch, one transaction, two ways to the same result. Before it, in autocommit, every row's
 * series is resolved ({@link SeriesCache}, misses through {@link SeriesStore}) and, on plain
 * PostgreSQL, the partitions of its days are made sure of. Then:
 *
 * <ol>
 *   <li>Fast path: COPY straight into {@code readings} under a savepoint. It either stores every
 *       row or fails with a unique violation, so when it succeeds all rows are new and the rollup
 *       (plain PostgreSQL) is computed from the batch itself.
 *   <li>When the batch holds a row that is already stored (redelivery, retry after a lost COMMIT, a
 *       concurrent writer): back to the savepoint, COPY into a session-local staging table and one
 *       statement that inserts what is new ({@code ON CONFLICT DO NOTHING}), adds exactly those
 *       rows to the rollup and counts them per submission.
 * </ol>
 *
 * Only the writer thread uses an instance.
 */
final class JdbcBatchSink implements BatchSink {

  private static final String CREATE_STAGING =
      """
      CREATE TEMP TABLE IF NOT EXISTS readings_staging (
          submission integer          NOT NULL,
          series_id  integer          NOT NULL,
          time       timestamptz      NOT NULL,
          value      double precision NOT NULL,
          quality    smallint         NOT NULL
      ) ON COMMIT DELETE ROWS
      """;

  private static final String INSERT_NEW =
      """
      inserted AS (
          INSERT INTO readings (series_id, time, value, quality)
          SELECT series_id, time, value, quality FROM readings_staging
          ON CONFLICT (series_id, time) DO NOTHING
          RETURNING series_id, time, value)
      """;

  // Sorted so concurrent writers lock rollup rows in the same order (no deadlocks between them).
  private static final String ROLLUP_INSERTED =
      """
      , rolled_up AS (
          INSERT INTO readings_rollup_hourly AS r
              (series_id, bucket, min_value, max_value, sum_value, reading_count)
          SELECT series_id, date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                 min(value), max(value), sum(value), count(*)
          FROM inserted
          GROUP BY 1, 2
          ORDER BY 1, 2
          ON CONFLICT (series_id, bucket) DO UPDATE
          SET min_value = least(r.min_value, excluded.min_value),
              max_value = greatest(r.max_value, excluded.max_value),
              sum_value = r.sum_value + excluded.sum_value,
              reading_count = r.reading_count + excluded.reading_count)
      """;

  // staging keys are unique (StagedRows), so each inserted row joins one submission
  private static final String COUNT_PER_SUBMISSION =
      """
      SELECT s.submission, count(*)
      FROM inserted i
      JOIN readings_staging s USING (series_id, time)
      GROUP BY s.submission
      """;

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final StorageMode mode;
  private final PartitionManager partitions;
  private final CopyFormat format;
  private final SeriesCache series;
  private final String writeSql;
  private final Set<PGConnection> staged = Collections.newSetFromMap(new WeakHashMap<>());
  private volatile WriterStats.SeriesCacheStats seriesStats = WriterStats.SeriesCacheStats.NONE;

  JdbcBatchSink(
      DataSource dataSource,
      StorageMode mode,
      PartitionManager partitions,
      CopyFormat format,
      SeriesCache series) {
    this.dataSource = dataSource;
    this.mode = mode;
    this.partitions = partitions;
    this.format = format;
    this.series = series;
    this.writeSql =
        "WITH "
            + INSERT_NEW
            + (mode == StorageMode.PLAIN_POSTGRESQL ? ROLLUP_INSERTED : "")
            + COUNT_PER_SUBMISSION;
  }

  @Override
  public WriterStats.SeriesCacheStats seriesCache() {
    return seriesStats;
  }

  @Override
  public int[] write(List<Submission> batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      connection.setAutoCommit(true);
      int[] ids = seriesIds(connection, batch);
      StagedRows rows = StagedRows.all(batch, ids);
      if (mode == StorageMode.PLAIN_POSTGRESQL) {
        partitions.ensure(connection, PartitionNames.daysOfRows(rows.rows()));
      }
      prepareStaging(connection, pg);
      connection.setAutoCommit(false);
      try {
        int[] inserted = writeDirect(connection, pg, rows, batch.size());
        if (inserted == null) {
          // a row already stored, or twice in the batch: staged without duplicates, then inserted
          copy(pg, StagedRows.of(batch, ids), CopyEncoder.Target.STAGING);
          inserted = insert(connection, batch.size());
        }
        markLateData(connection, rows.rows());
        connection.commit();
        return inserted;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        if ("42P01".equals(sqlState(e))) {
          staged.remove(pg); // the session lost its staging table (e.g. DISCARD ALL by a pool)
        }
        if ("23514".equals(sqlState(e))) {
          partitions.forget(); // e.g. a partition dropped behind our back: look again next time
        }
        throw e;
      }
    }
  }

  // late data makes processed building-days dirty, in the batch's transaction (no mark is lost)
  private static void markLateData(Connection connection, List<ReadingRow> rows)
      throws SQLException {
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant today = DirtyDays.todayEverywhere(now);
    List<String> buildings = null;
    List<java.time.Instant> times = null;
    for (ReadingRow row : rows) {
      if (row.time().isBefore(today)) {
        if (buildings == null) {
          buildings = new java.util.ArrayList<>();
          times = new java.util.ArrayList<>();
        }
        buildings.add(row.buildingId());
        times.add(row.time());
      }
    }
    if (buildings != null) {
      DirtyDays.mark(connection, buildings, times, now);
    }
  }

  /**
   * The series id of every row of the batch, in batch order: from the cache, the misses resolved in
   * one round trip (and committed, in autocommit) before the batch's transaction begins.
   */
  private int[] seriesIds(Connection connection, List<Submission> batch) throws SQLException {
    int total = batch.stream().mapToInt(Submission::size).sum();
    int[] ids = new int[total];
    Map<SeriesKey, List<Integer>> missing = null;
    int i = 0;
    for (Submission submission : batch) {
      for (ReadingRow row : submission.rows()) {
        int id = series.get(row.buildingId(), row.deviceId(), row.sensorId(), row.unit());
        if (id >= 0) {
          ids[i] = id;
        } else {
          if (missing == null) {
            missing = new HashMap<>();
          }
          missing.computeIfAbsent(row.seriesKey(), k -> new java.util.ArrayList<>()).add(i);
        }
        i++;
      }
    }
    if (missing != null) {
      Map<SeriesKey, Integer> found =
          SeriesStore.resolve(connection, new LinkedHashSet<>(missing.keySet()));
      for (Map.Entry<SeriesKey, List<Integer>> e : missing.entrySet()) {
        int id = found.get(e.getKey());
        series.put(e.getKey(), id);
        for (int index : e.getValue()) {
          ids[index] = id;
        }
      }
    }
    seriesStats =
        new WriterStats.SeriesCacheStats(
            series.size(), series.hits(), series.misses(), series.evictions());
    return ids;
  }

  /** A broken connection fails the rollback too: keep the first error, it says what happened. */
  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void prepareStaging(Connection connection, PGConnection pg) throws SQLException {
    if (staged.contains(pg)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_STAGING);
    }
    staged.add(pg);
  }

  /**
   * The fast path; null when a row was already stored or is in the batch twice (rolled back to the
   * savepoint).
   */
  private int[] writeDirect(
      Connection connection, PGConnection pg, StagedRows rows, int submissions)
      throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      copy(pg, rows, CopyEncoder.Target.READINGS);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint);
      return null;
    }
    connection.releaseSavepoint(savepoint);
    if (mode == StorageMode.PLAIN_POSTGRESQL) {
      HourlyRollup.add(connection, rows);
    }
    int[] inserted = new int[submissions];
    for (int owner : rows.submissionOf()) {
      inserted[owner]++;
    }
    return inserted;
  }

  private void copy(PGConnection pg, StagedRows rows, CopyEncoder.Target target)
      throws SQLException {
    try (PGCopyOutputStream copy =
            new PGCopyOutputStream(pg, CopyEncoder.copySql(target, format), 65_536);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(copy, 65_536))) {
      CopyEncoder.write(target, format, rows, out);
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("COPY of readings failed: " + e.getMessage(), "08006", e);
    }
  }

  private int[] insert(Connection connection, int submissions) throws SQLException {
    int[] inserted = new int[submissions];
    try (PreparedStatement statement = connection.prepareStatement(writeSql);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        inserted[rs.getInt(1)] = rs.getInt(2);
      }
    }
    return inserted;
  }

  private static String sqlState(Exception e) {
    return e instanceof SQLException sql ? sql.getSQLState() : null;
  }
}
