package de.vorlauf.persistence.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the readings are stored in the connected database. Detected from the catalogue, never
 * configured: the migrations decide once, from what the server offers.
 */
public enum StorageMode {
  /** {@code sensor_readings} is a TimescaleDB hypertable; policies do partitioning and rollup. */
  TIMESCALEDB,
  /** Native daily range partitions and an application-maintained hourly rollup. */
  PLAIN_POSTGRESQL;

  private static final String RELKIND_SQL =
      """
      SELECT c.relkind::text,
             EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
      FROM pg_class c
      WHERE c.oid = to_regclass('sensor_readings')
      """;

  private static final String HYPERTABLE_SQL =
      """
      SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                     WHERE hypertable_name = 'sensor_readings'
                       AND hypertable_schema = current_schema())
      """;

  /** For the UI: "TimescaleDB" or "PostgreSQL (native partitions)". */
  public String label() {
    return this == TIMESCALEDB ? "TimescaleDB" : "PostgreSQL (native partitions)";
  }

  /**
   * @throws IllegalStateException when the readings table is missing or not migrated yet
   */
  public static StorageMode detect(Connection connection) throws SQLException {
    if (isHypertable(connection)) {
      return TIMESCALEDB;
    }
    try (PreparedStatement statement = connection.prepareStatement(RELKIND_SQL);
        ResultSet rs = statement.executeQuery()) {
      if (rs.next() && "p".equals(rs.getString(1))) {
        return PLAIN_POSTGRESQL;
      }
    }
    throw new IllegalStateException(
        "sensor_readings is neither a hypertable nor partitioned: run the migrations first");
  }

  /** True when {@code sensor_readings} exists and is a hypertable. */
  public static boolean isHypertable(Connection connection) throws SQLException {
    boolean extension;
    try (PreparedStatement statement = connection.prepareStatement(RELKIND_SQL);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return false;
      }
      extension = rs.getBoolean(2);
    }
    if (!extension) {
      return false;
    }
    try (PreparedStatement statement = connection.prepareStatement(HYPERTABLE_SQL);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
