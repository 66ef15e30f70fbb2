package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.StorageMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TimescaleDB only (nothing on plain PostgreSQL): compression settings and the hourly continuous
 * aggregate {@code sensor_readings_hourly}, with the same columns as the plain-PostgreSQL view.
 *
 * <p>Runs outside a transaction: {@code CREATE MATERIALIZED VIEW ... WITH DATA} materialises the
 * existing rows and TimescaleDB refuses that inside a transaction block. Each step checks the
 * catalogue first, so a run interrupted half-way can simply be repeated.
 */
public class V4__Readings_timescale_rollup extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V4__Readings_timescale_rollup.class);

  private static final String COMPRESSION_ENABLED =
      """
      SELECT compression_enabled FROM timescaledb_information.hypertables
      WHERE hypertable_name = 'sensor_readings' AND hypertable_schema = current_schema()
      """;

  // Every column of the unique key (device_id, sensor_id, time) must be a segmentby or orderby
  // column, or TimescaleDB cannot check ON CONFLICT against compressed chunks (late data).
  private static final String ENABLE_COMPRESSION =
      """
      ALTER TABLE sensor_readings SET (
          timescaledb.compress,
          timescaledb.compress_segmentby = 'building_id, sensor_id',
          timescaledb.compress_orderby = 'device_id, time DESC')
      """;

  // materialized_only = false (real-time aggregation): rows newer than the last refresh are
  // aggregated at query time, so readers see what the plain-PostgreSQL rollup shows.
  private static final String CREATE_AGGREGATE =
      """
      CREATE MATERIALIZED VIEW sensor_readings_hourly
      WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
      SELECT time_bucket(INTERVAL '1 hour', time) AS bucket,
             building_id,
             sensor_id,
             min(value)  AS min_value,
             max(value)  AS max_value,
             avg(value)  AS avg_value,
             count(*)    AS reading_count
      FROM sensor_readings
      GROUP BY time_bucket(INTERVAL '1 hour', time), building_id, sensor_id
      WITH DATA
      """;

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!StorageMode.isHypertable(connection)) {
      log.info("Plain PostgreSQL: no continuous aggregate (V3 created the rollup table)");
      return;
    }
    try (Statement statement = connection.createStatement()) {
      if (!compressionEnabled(connection)) {
        statement.execute(ENABLE_COMPRESSION);
        log.info("Compression enabled on sensor_readings (segmentby building_id, sensor_id)");
      }
      if (!exists(connection, "sensor_readings_hourly")) {
        statement.execute(CREATE_AGGREGATE);
        log.info("Continuous aggregate sensor_readings_hourly created and materialised");
      }
    }
  }

  private static boolean compressionEnabled(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(COMPRESSION_ENABLED);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static boolean exists(Connection connection, String relation) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, relation);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
