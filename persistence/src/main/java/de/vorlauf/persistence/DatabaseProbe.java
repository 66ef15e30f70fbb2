package de.vorlauf.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads server version, TimescaleDB and schema version over a live connection. */
public final class DatabaseProbe {

  private static final String SERVER_SQL =
      """
      SELECT current_setting('server_version'),
             (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'),
             to_regclass('flyway_schema_history') IS NOT NULL
      """;

  private static final String SCHEMA_VERSION_SQL =
      """
      SELECT version FROM flyway_schema_history
      WHERE success AND version IS NOT NULL
      ORDER BY installed_rank DESC
      LIMIT 1
      """;

  private DatabaseProbe() {}

  public static DatabaseStatus probe(Connection connection) throws SQLException {
    String serverVersion;
    String timescaleVersion;
    boolean migrated;
    try (PreparedStatement statement = connection.prepareStatement(SERVER_SQL);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      serverVersion = rs.getString(1);
      timescaleVersion = rs.getString(2);
      migrated = rs.getBoolean(3);
    }
    return new DatabaseStatus(
        serverVersion, timescaleVersion, migrated ? schemaVersion(connection) : null);
  }

  private static String schemaVersion(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SCHEMA_VERSION_SQL);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
