package de.vorlauf.persistence.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the readings are stored in the connected database. Detected from the catalogue, never
 * configured: the migrations decide once, from what the server offers.
 *
 * <p>The table looked at is {@code readings} (the series layout, V60 on). Before V60 ran it is the
 * V1 wide table {@code sensor_readings}, which V2–V4 check while they build the layout that V60
 * then converts.
 */
public enum StorageMode {
  /** {@code readings} is a TimescaleDB hypertable; policies do partitioning and rollup. */
  TIMESCALEDB,
  /** Native daily range partitions and an application-maintained hourly rollup. */
  PLAIN_POSTGRESQL;

  private static final String TABLE_SQL =
      """
      SELECT c.relname::text, c.relkind::text,
             EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
      FROM pg_class c
      WHERE c.oid = coalesce(to_regclass('readings'), to_regclass('sensor_readings'))
      """;

  private static final String HYPERTABLE_SQL =
      """
      SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                     WHERE hypertable_name = ? AND hypertable_schema = current_schema())
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
    try (PreparedStatement statement = connection.prepareStatement(TABLE_SQL);
        ResultSet rs = statement.executeQuery()) {
      if (rs.next() && "p".equals(rs.getString(2))) {
        return PLAIN_POSTGRESQL;
      }
    }
    throw new IllegalStateException(
        "readings is neither a hypertable nor partitioned: run the migrations first");
  }

  /** True when the readings table ({@code readings}, before V60 {@code sensor_readings}) is one. */
  public static boolean isHypertable(Connection connection) throws SQLException {
    String table;
    try (PreparedStatement statement = connection.prepareStatement(TABLE_SQL);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next() || !rs.getBoolean(3)) {
        return false;
      }
      table = rs.getString(1);
    }
    return isHypertable(connection, table);
  }

  /** True when {@code table} in the current schema is a TimescaleDB hypertable. */
  public static boolean isHypertable(Connection connection, String table) throws SQLException {
    try (PreparedStatement extension =
            connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')");
        ResultSet rs = extension.executeQuery()) {
      if (!rs.next() || !rs.getBoolean(1)) {
        return false;
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(HYPERTABLE_SQL)) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
