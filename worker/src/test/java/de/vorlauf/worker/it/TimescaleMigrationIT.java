package de.vorlauf.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.persistence.DatabaseProbe;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real TimescaleDB, which no package we can install provides: runs only when
 * VORLAUF_TIMESCALE_TEST_URL (plus _USER and _PASSWORD) point at one whose user may create schemas
 * and the extension. Migrates into a fresh schema so the database is left as it was.
 */
@EnabledIfEnvironmentVariable(named = "VORLAUF_TIMESCALE_TEST_URL", matches = "jdbc:postgresql:.*")
class TimescaleMigrationIT {

  private final String url = System.getenv("VORLAUF_TIMESCALE_TEST_URL");
  private final String user =
      System.getenv().getOrDefault("VORLAUF_TIMESCALE_TEST_USER", "postgres");
  private final String password = System.getenv("VORLAUF_TIMESCALE_TEST_PASSWORD");

  @Test
  void sensorReadingsBecomeAHypertable() throws Exception {
    String schema = "vorlauf_it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(url, user, password);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    // the extension's functions live in public: keep it on the search path
    String schemaUrl =
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    try (HikariDataSource dataSource =
        PooledDataSources.create(
            new DatabaseSettings(schemaUrl, user, password, 1, Duration.ofSeconds(10)),
            "tsdb-it")) {
      Migrations.migrate(dataSource);
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement(
                  """
                  SELECT count(*) FROM timescaledb_information.hypertables
                  WHERE hypertable_schema = ? AND hypertable_name = 'sensor_readings'
                  """)) {
        assertThat(DatabaseProbe.probe(connection).timescaleActive()).isTrue();
        query.setString(1, schema);
        try (ResultSet rs = query.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
    } finally {
      try (Connection admin = DriverManager.getConnection(url, user, password);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
