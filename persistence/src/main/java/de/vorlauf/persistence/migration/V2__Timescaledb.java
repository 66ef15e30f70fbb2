package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.migration.TimescaleSetup.Action;
import de.vorlauf.persistence.migration.TimescaleSetup.ServerFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses TimescaleDB where the server offers it: creates the extension and turns {@code
 * sensor_readings} into a hypertable with daily chunks. On plain PostgreSQL, or when the extension
 * cannot be created, the schema stays plain PostgreSQL and the log says why; the application works
 * on both.
 */
public class V2__Timescaledb extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V2__Timescaledb.class);

  // pg_settings rather than current_setting(): without pg_read_all_settings the application
  // role may not read shared_preload_libraries, and the view then just has no row for it
  private static final String FACTS_SQL =
      """
      SELECT (SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'),
             (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'),
             (SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries')
      """;

  // Primary key (device_id, sensor_id, time) is the only index ingestion pays for; the default
  // time index would cost about a third of the COPY rate (FIELD-NOTES).
  private static final String HYPERTABLE_SQL =
      """
      SELECT create_hypertable(relation => 'sensor_readings',
                               dimension => by_range('time', INTERVAL '1 day'),
                               create_default_indexes => false,
                               if_not_exists => true)
      """;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    ServerFacts facts = readFacts(connection);
    Action action = TimescaleSetup.decide(facts);
    switch (action) {
      case SKIP_NOT_AVAILABLE ->
          log.info(
              "TimescaleDB is not installed on this server: sensor_readings stays a plain"
                  + " PostgreSQL table");
      case SKIP_NOT_PRELOADED ->
          log.warn(
              "TimescaleDB {} is installed but not in shared_preload_libraries ('{}'): staying on"
                  + " plain PostgreSQL. Add timescaledb to shared_preload_libraries, restart the"
                  + " server and convert sensor_readings with create_hypertable to use it.",
              facts.availableVersion(),
              facts.sharedPreloadLibraries());
      case ENABLE -> enable(connection);
    }
  }

  private static ServerFacts readFacts(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(FACTS_SQL);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return new ServerFacts(rs.getString(1), rs.getString(2), rs.getString(3));
    }
  }

  private static void enable(Connection connection) throws SQLException {
    // a failure here must not abort the migration: roll back to the savepoint and stay plain
    Savepoint savepoint = connection.setSavepoint("vorlauf_timescaledb");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      statement.execute(HYPERTABLE_SQL);
      connection.releaseSavepoint(savepoint);
      log.info("TimescaleDB enabled: sensor_readings is a hypertable with 1-day chunks");
    } catch (SQLException e) {
      connection.rollback(savepoint);
      log.warn(
          "TimescaleDB is available but could not be enabled ({}, SQLSTATE {}): staying on plain"
              + " PostgreSQL",
          e.getMessage(),
          e.getSQLState());
    }
  }
}
