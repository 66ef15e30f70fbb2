package de.vorlauf.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.service.Origin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServiceIT {

  @TempDir Path dir;

  @Test
  void embeddedPostgresKeepsItsDataAcrossStopAndStart() throws SQLException {
    try (RunningPostgres postgres = PostgresService.start(PostgresOptions.forTest(dir))) {
      assertThat(postgres.origin()).isEqualTo(Origin.EMBEDDED);
      assertThat(postgres.label()).startsWith("embedded PostgreSQL 15").endsWith("(zonky)");
      execute(postgres, "CREATE TABLE survivors (name text)");
      execute(postgres, "INSERT INTO survivors VALUES ('first run')");

      postgres.stop();
      assertThatThrownBy(() -> connect(postgres).close()).isInstanceOf(SQLException.class);
      postgres.start();

      assertThat(query(postgres, "SELECT name FROM survivors")).isEqualTo("first run");
    }
  }

  @Test
  void embeddedPostgresIsDurableLoopbackOnlyAndAsksForAPassword() throws SQLException {
    try (RunningPostgres postgres = PostgresService.start(PostgresOptions.forTest(dir))) {
      assertThat(query(postgres, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(query(postgres, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(postgres.password()).hasSize(24);
      assertThat(dir.resolve("secrets/db-password")).exists();
      assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "vorlauf", "wrong"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void aPostmasterLeftByAKilledRunIsStoppedBeforeTheNextStart() throws SQLException {
    PostgresOptions options = PostgresOptions.forTest(dir);
    try (RunningPostgres postgres = PostgresService.start(options)) {
      assertThat(StalePostmaster.findPostmaster(options.dataDir())).isPresent();

      StalePostmaster.stopIfRunning(options.dataDir());

      assertThat(StalePostmaster.findPostmaster(options.dataDir())).isEmpty();
      postgres.stop();
      postgres.start();
      assertThat(query(postgres, "SELECT current_user")).isEqualTo("vorlauf");
    }
  }

  @Test
  void aConfiguredDatabaseIsUsedAsIsAndNothingIsStarted() {
    RunningPostgres external =
        PostgresService.start(
            PostgresOptions.external("jdbc:postgresql://db:5432/x", "u", "secret-pw"));
    assertThat(external.origin()).isEqualTo(Origin.EXTERNAL);
    assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
    assertThat(external.password()).isEqualTo("secret-pw");
    assertThat(external.toString()).doesNotContain("secret-pw");
    assertThat(dir).isEmptyDirectory();
  }

  private static Connection connect(RunningPostgres postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private static void execute(RunningPostgres postgres, String sql) throws SQLException {
    try (Connection connection = connect(postgres);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(RunningPostgres postgres, String sql) throws SQLException {
    try (Connection connection = connect(postgres);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
