package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.PartitionNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the plain V1 {@code sensor_readings} table into a table range-partitioned by UTC day with
 * the same columns and checks, keeping every row, and adds the hourly rollup table with its view.
 * Runs inside the migration's transaction: a failure leaves the V1 table untouched.
 */
final class PlainReadingsSchema {

  private static final Logger log = LoggerFactory.getLogger(PlainReadingsSchema.class);

  private static final String RENAME_OLD =
      """
      ALTER TABLE sensor_readings RENAME TO sensor_readings_unpartitioned;
      ALTER TABLE sensor_readings_unpartitioned
          RENAME CONSTRAINT sensor_readings_pk TO sensor_readings_unpartitioned_pk
      """;

  // Columns, defaults and checks are copied from V1's table (LIKE), so that V1 stays their one
  // definition. The primary key is named here: it is the deduplication key, contains the
  // partition key as PostgreSQL requires, and INCLUDING INDEXES would give it another name.
  private static final String CREATE_PARTITIONED =
      """
      CREATE TABLE sensor_readings (
          LIKE sensor_readings_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
          CONSTRAINT sensor_readings_pk PRIMARY KEY (device_id, sensor_id, time)
      ) PARTITION BY RANGE (time);
      CREATE INDEX sensor_readings_building_sensor_time_idx
          ON sensor_readings (building_id, sensor_id, time DESC)
      """;

  private static final String DAYS_WITH_ROWS =
      "SELECT DISTINCT (time AT TIME ZONE 'UTC')::date FROM sensor_readings_unpartitioned";

  private static final String MOVE_ROWS =
      """
      INSERT INTO sensor_readings
          (time, building_id, device_id, sensor_id, value, unit, quality, received_at)
      SELECT time, building_id, device_id, sensor_id, value, unit, quality, received_at
      FROM sensor_readings_unpartitioned
      """;

  private static final String DROP_OLD = "DROP TABLE sensor_readings_unpartitioned";

  // min/max/sum/count merge associatively, so each batch adds exactly the rows it inserted
  private static final String CREATE_ROLLUP =
      """
      CREATE TABLE sensor_readings_rollup_hourly (
          bucket        timestamptz      NOT NULL,
          building_id   text             NOT NULL,
          sensor_id     text             NOT NULL,
          min_value     double precision NOT NULL,
          max_value     double precision NOT NULL,
          sum_value     double precision NOT NULL,
          reading_count bigint           NOT NULL,
          CONSTRAINT sensor_readings_rollup_hourly_pk PRIMARY KEY (bucket, building_id, sensor_id)
      );
      CREATE INDEX sensor_readings_rollup_hourly_series_idx
          ON sensor_readings_rollup_hourly (building_id, sensor_id, bucket DESC);
      CREATE VIEW sensor_readings_hourly AS
      SELECT bucket, building_id, sensor_id, min_value, max_value,
             sum_value / reading_count AS avg_value, reading_count
      FROM sensor_readings_rollup_hourly;
      INSERT INTO sensor_readings_rollup_hourly
          (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
      SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
             building_id, sensor_id, min(value), max(value), sum(value), count(*)
      FROM sensor_readings
      GROUP BY 1, 2, 3
      """;

  private PlainReadingsSchema() {}

  static void apply(Connection connection, LocalDate today, int partitionsAhead)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(RENAME_OLD);
      statement.execute(CREATE_PARTITIONED);
      SortedSet<LocalDate> days = daysWithRows(connection);
      int withRows = days.size();
      days.addAll(PartitionNames.window(today, partitionsAhead));
      PartitionManager.createWithinTransaction(connection, days);
      int moved = statement.executeUpdate(MOVE_ROWS);
      statement.execute(DROP_OLD);
      statement.execute(CREATE_ROLLUP);
      log.info(
          "sensor_readings is now partitioned by day: {} partitions ({} holding existing rows),"
              + " {} rows moved",
          days.size(),
          withRows,
          moved);
    }
  }

  private static SortedSet<LocalDate> daysWithRows(Connection connection) throws SQLException {
    SortedSet<LocalDate> days = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(DAYS_WITH_ROWS);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        days.add(rs.getObject(1, LocalDate.class));
      }
    }
    return days;
  }
}
