package de.vorlauf.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.persistence.DatabaseProbe;
import de.vorlauf.persistence.DatabaseStatus;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.migration.MigrationReport;
import de.vorlauf.testsupport.SharedServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Migrations against the embedded PostgreSQL: idempotent, probed, constraints enforced. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationsIT {

  private RunningPostgres postgres;
  private HikariDataSource dataSource;
  private MigrationReport first;

  @BeforeAll
  void startPostgresAndMigrate(@TempDir Path dir) {
    postgres = SharedServices.database(MigrationsIT.class); // empty: migrated here
    dataSource =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                2,
                Duration.ofSeconds(10)),
            "migrations-it");
    first = Migrations.migrate(dataSource);
  }

  @AfterAll
  void stop() {
    if (dataSource != null) {
      dataSource.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void firstRunAppliesEveryMigrationAndASecondRunNothing() {
    assertThat(first.schemaVersionBefore()).isNull();
    assertThat(first.applied()).startsWith("1 platform foundation", "2 Timescaledb");

    MigrationReport second = Migrations.migrate(dataSource);

    assertThat(second.upToDateAlready()).isTrue();
    assertThat(second.schemaVersionBefore()).isEqualTo(first.schemaVersionAfter());
    assertThat(second.schemaVersionAfter()).isEqualTo(first.schemaVersionAfter());
  }

  @Test
  void probeReportsVersionsAndNoTimescaleOnPlainPostgresql() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseStatus status = DatabaseProbe.probe(connection);

      assertThat(status.serverVersion()).matches("\\d+\\.\\d+.*");
      assertThat(status.schemaVersion()).isEqualTo(first.schemaVersionAfter());
      assertThat(status.timescaleActive()).isFalse();
    }
  }

  @Test
  void buildingsAcceptIanaZonesAndRejectOthers() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      insertBuilding(connection, "b-berlin", "Europe/Berlin");

      assertThatThrownBy(() -> insertBuilding(connection, "b-mars", "Mars/Olympus"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("23514");
                assertThat(e.getMessage()).contains("Mars/Olympus").contains("b-mars");
              });
      assertThatThrownBy(
              () -> {
                try (PreparedStatement update =
                    connection.prepareStatement(
                        "UPDATE buildings SET time_zone = 'Mars/Olympus' WHERE id = 'b-berlin'")) {
                  update.executeUpdate();
                }
              })
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Mars/Olympus");
    }
  }

  /**
   * V92's fast path keeps V1's meaning: a zone is accepted exactly when pg_timezone_names lists it,
   * also for what the server takes in AT TIME ZONE without listing it (an abbreviation, a POSIX
   * rule, a zone file it leaves out, another spelling), and a name missing from V92's list (as one
   * a later tzdata adds) still passes through the full lookup.
   */
  @Test
  void theFastTimeZoneCheckAcceptsExactlyWhatTheFullLookupAccepts() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> zones =
          List.of(
              "Europe/Berlin",
              "Etc/GMT+3",
              "EST5EDT",
              "PST",
              "UTC+3",
              "Factory",
              "posixrules",
              "europe/berlin",
              "Mars/Olympus");
      for (int i = 0; i < zones.size(); i++) {
        String zone = zones.get(i);
        boolean listed;
        try (PreparedStatement lookup =
            connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ?)")) {
          lookup.setString(1, zone);
          try (var rs = lookup.executeQuery()) {
            rs.next();
            listed = rs.getBoolean(1);
          }
        }
        boolean accepted;
        try {
          insertBuilding(connection, "b-zone-" + i, zone);
          accepted = true;
        } catch (SQLException e) {
          assertThat(e.getSQLState()).as(zone).isEqualTo("23514");
          accepted = false;
        }
        assertThat(accepted).as("%s accepted, listed: %s", zone, listed).isEqualTo(listed);
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM time_zone_names WHERE name = 'America/Sao_Paulo'");
      }
      insertBuilding(connection, "b-sao-paulo", "America/Sao_Paulo");
    }
  }

  @Test
  void migrateCommandSucceedsOnAnUpToDateDatabase() {
    assertThat(
            Services.migrate(
                de.vorlauf.worker.config.WorkerConfig.builder()
                    .dbUrl(postgres.jdbcUrl())
                    .dbUser(postgres.user())
                    .dbPassword(postgres.password())
                    .build()))
        .isZero();
  }

  private static void insertBuilding(Connection connection, String id, String zone)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO buildings (id, name, time_zone, heating_type)
            VALUES (?, ?, ?, 'gas')
            """)) {
      insert.setString(1, id);
      insert.setString(2, "Building " + id);
      insert.setString(3, zone);
      insert.executeUpdate();
    }
  }
}
