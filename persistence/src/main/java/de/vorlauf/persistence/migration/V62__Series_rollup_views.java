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
 * After the rows are moved: on TimescaleDB the hourly continuous aggregate {@code readings_hourly}
 * per series (avg, min, max, count), materialised from every moved row at once; on both modes the
 * view {@code sensor_readings_hourly} in the source document's shape. Outside a transaction: {@code
 * CREATE MATERIALIZED VIEW ... WITH DATA} refuses to run in one. Each step checks first, so an
 * interrupted run can be repeated.
 */
public class V62__Series_rollup_views extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V62__Series_rollup_views.class);

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      if (StorageMode.isHypertable(connection, "readings") && !exists(connection)) {
        statement.execute(SeriesSchema.CREATE_TIMESCALE_AGGREGATE);
        log.info("Continuous aggregate readings_hourly created and materialised");
      }
      statement.execute(SeriesSchema.CREATE_SOURCE_HOURLY_VIEW);
    }
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT to_regclass('readings_hourly') IS NOT NULL");
        ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
