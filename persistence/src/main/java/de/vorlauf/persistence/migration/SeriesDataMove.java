package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.PartitionNames;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-place move of V61. Per piece (a day's partition, or a TimescaleDB chunk), in one
 * transaction: create its series, copy its rows narrow, check that count and checksum over every
 * column (building, device, sensor, unit, time, value, quality) are equal on both sides, add them
 * to the plain rollup, drop the piece from the wide table. The extra disk is therefore about one
 * day of readings plus the narrow copy, never a second copy of everything.
 *
 * <p>Before the first piece, the wide layout's hourly rollup is reduced to the hours whose raw rows
 * are gone (past raw retention): those stay, per building and sensor, in {@code
 * readings_rollup_archive}; every other hour is recomputed per series from the moved rows.
 */
final class SeriesDataMove {

  private static final Logger log = LoggerFactory.getLogger(SeriesDataMove.class);

  private static final String WIDE = V60__Series_storage.WIDE;

  private static final String STEPS =
      """
      CREATE TABLE IF NOT EXISTS series_migration_steps (
          step    text PRIMARY KEY,
          done_at timestamptz NOT NULL DEFAULT now()
      )
      """;

  private static final String ARCHIVE_DONE =
      "SELECT EXISTS (SELECT 1 FROM series_migration_steps WHERE step = 'archive')";

  private static final String MARK_ARCHIVE_DONE =
      "INSERT INTO series_migration_steps (step) VALUES ('archive') ON CONFLICT DO NOTHING";

  // the hours raw rows back, per building and sensor: one hash aggregate over the wide table
  // (probing its index once per rollup row took minutes for a few million readings)
  private static final String RAW_HOURS =
      """
      SELECT DISTINCT building_id, sensor_id,
             date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket
      FROM sensor_readings_wide
      """;

  // plain: V60 renamed the wide rollup table to the archive; hours with raw rows are recomputed
  private static final String PLAIN_ARCHIVE =
      """
      DELETE FROM readings_rollup_archive a
      USING (%s) w
      WHERE a.building_id = w.building_id AND a.sensor_id = w.sensor_id AND a.bucket = w.bucket
      """
          .formatted(RAW_HOURS);

  private static final String TIMESCALE_ARCHIVE =
      """
      INSERT INTO readings_rollup_archive
          (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
      SELECT a.bucket, a.building_id, a.sensor_id, a.min_value, a.max_value,
             a.avg_value * a.reading_count, a.reading_count
      FROM sensor_readings_hourly_wide a
      LEFT JOIN (%s) w USING (building_id, sensor_id, bucket)
      WHERE w.bucket IS NULL
      ON CONFLICT DO NOTHING
      """
          .formatted(RAW_HOURS);

  private static final String CHUNKS =
      """
      SELECT range_start, range_end FROM timescaledb_information.chunks
      WHERE hypertable_schema = current_schema() AND hypertable_name = 'sensor_readings_wide'
      ORDER BY range_start
      """;

  private static final String CREATE_SERIES =
      """
      INSERT INTO series (building_id, device_id, sensor_id, unit)
      SELECT DISTINCT building_id, device_id, sensor_id, unit FROM sensor_readings_wide
      WHERE time >= ? AND time < ?
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (building_id, device_id, sensor_id, unit) DO NOTHING
      """;

  // a key already present would make the checksums differ: the piece then fails loudly
  private static final String COPY_ROWS =
      """
      INSERT INTO readings (series_id, time, value, quality)
      SELECT s.id, w.time, w.value,
             CASE w.quality WHEN 'good' THEN 0 WHEN 'uncertain' THEN 1 ELSE 2 END
      FROM sensor_readings_wide w
      JOIN series s USING (building_id, device_id, sensor_id, unit)
      WHERE w.time >= ? AND w.time < ?
      ON CONFLICT (series_id, time) DO NOTHING
      """;

  private static final String ROLLUP_PIECE =
      """
      INSERT INTO readings_rollup_hourly AS r
          (series_id, bucket, min_value, max_value, sum_value, reading_count)
      SELECT series_id, date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
             min(value), max(value), sum(value), count(*)
      FROM readings
      WHERE time >= ? AND time < ?
      GROUP BY 1, 2
      ORDER BY 1, 2
      ON CONFLICT (series_id, bucket) DO UPDATE
      SET min_value = least(r.min_value, excluded.min_value),
          max_value = greatest(r.max_value, excluded.max_value),
          sum_value = r.sum_value + excluded.sum_value,
          reading_count = r.reading_count + excluded.reading_count
      """;

  private final Connection connection;
  private final boolean timescale;

  /** One piece of the wide table: {@code [from, to)} and how to drop it once moved. */
  private record Piece(Instant from, Instant to, String dropSql) {}

  SeriesDataMove(Connection connection, boolean timescale) {
    this.connection = connection;
    this.timescale = timescale;
  }

  void run() throws SQLException {
    if (!exists(WIDE)) {
      log.info("No {} table: the readings are already in the series layout", WIDE);
      return;
    }
    long started = System.nanoTime();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute(STEPS);
    }
    archiveRollup();
    List<Piece> pieces = pieces();
    log.info("Moving {} of the wide readings table into the series layout", describe(pieces));
    long rows = 0;
    for (Piece piece : pieces) {
      rows += move(piece);
    }
    finish();
    log.info(
        "Series layout migration done: {} rows moved in {} s",
        rows,
        (System.nanoTime() - started) / 1_000_000_000L);
  }

  /**
   * Keeps only the rollup hours that no raw row backs. Must run before the first piece is dropped,
   * hence marked done in the same transaction.
   */
  private void archiveRollup() throws SQLException {
    if (queryBoolean(ARCHIVE_DONE)) {
      return;
    }
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      int rows = statement.executeUpdate(timescale ? TIMESCALE_ARCHIVE : PLAIN_ARCHIVE);
      statement.execute(MARK_ARCHIVE_DONE);
      connection.commit();
      log.info(
          timescale
              ? "Wide hourly rollup: {} hours without raw rows archived"
              : "Wide hourly rollup: {} hours backed by raw rows left to be recomputed per series",
          rows);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private List<Piece> pieces() throws SQLException {
    List<Piece> pieces = new ArrayList<>();
    if (timescale) {
      try (PreparedStatement statement = connection.prepareStatement(CHUNKS);
          ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Instant to = rs.getObject(2, OffsetDateTime.class).toInstant();
          pieces.add(
              new Piece(
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  to,
                  "SELECT drop_chunks('" + WIDE + "', older_than => TIMESTAMPTZ '" + to + "')"));
        }
      }
    } else {
      for (LocalDate day : PartitionManager.list(connection, WIDE, PartitionNames.LEGACY_PARENT)) {
        pieces.add(
            new Piece(
                PartitionNames.lowerBound(day),
                PartitionNames.upperBound(day),
                // the name comes from PartitionNames, never from input
                "DROP TABLE " + PartitionNames.nameOf(PartitionNames.LEGACY_PARENT, day)));
      }
    }
    return pieces;
  }

  private long move(Piece piece) throws SQLException {
    long started = System.nanoTime();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      Digest before = digest(WIDE, piece);
      update(CREATE_SERIES, piece);
      int copied = update(COPY_ROWS, piece);
      Digest after = digest("sensor_readings", piece);
      if (!before.equals(after) || copied != before.rows()) {
        throw new SQLException(
            "series migration of ["
                + piece.from()
                + ", "
                + piece.to()
                + ") does not add up: wide "
                + before
                + ", narrow "
                + after
                + ", copied "
                + copied
                + "; nothing of this piece was changed",
            "XX000");
      }
      if (!timescale) {
        update(ROLLUP_PIECE, piece);
      }
      statement.execute(piece.dropSql());
      connection.commit();
      log.info(
          "Moved [{}, {}): {} rows in {} ms",
          piece.from(),
          piece.to(),
          copied,
          (System.nanoTime() - started) / 1_000_000L);
      return copied;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void finish() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + WIDE)) {
        rs.next();
        if (rs.getLong(1) != 0) {
          throw new SQLException(
              WIDE + " still holds " + rs.getLong(1) + " rows outside its partitions", "XX000");
        }
      }
      if (timescale) {
        statement.execute("DROP MATERIALIZED VIEW IF EXISTS " + V60__Series_storage.WIDE_HOURLY);
      }
      statement.execute("DROP TABLE " + WIDE);
      statement.execute("DROP TABLE series_migration_steps");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Count and an order-independent checksum of every column of the readings in a piece. */
  record Digest(long rows, BigDecimal checksum) {}

  static String digestSql(String source) {
    return """
        SELECT count(*),
               coalesce(sum(hashtextextended(concat_ws('|', building_id, device_id, sensor_id,
                   unit, (extract(epoch FROM time) * 1000000)::bigint, value::text, quality),
                   0)::numeric), 0)
        FROM %s
        WHERE time >= ? AND time < ?
        """
        .formatted(source);
  }

  private Digest digest(String source, Piece piece) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(digestSql(source))) {
      bind(statement, piece);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Digest(rs.getLong(1), rs.getBigDecimal(2));
      }
    }
  }

  private int update(String sql, Piece piece) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, piece);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Piece piece) throws SQLException {
    statement.setObject(1, OffsetDateTime.ofInstant(piece.from(), ZoneOffset.UTC));
    statement.setObject(2, OffsetDateTime.ofInstant(piece.to(), ZoneOffset.UTC));
  }

  private boolean exists(String relation) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, relation);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private boolean queryBoolean(String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static String describe(List<Piece> pieces) {
    return pieces.isEmpty()
        ? "nothing"
        : pieces.size()
            + " pieces ("
            + pieces.get(0).from()
            + " .. "
            + pieces.get(pieces.size() - 1).to()
            + ")";
  }
}
