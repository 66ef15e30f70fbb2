package de.vorlauf.persistence.timeseries;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.testsupport.SharedServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database of its own on the test JVM's shared PostgreSQL (test-support), or a dedicated server
 * for a test that stops it; one fresh schema per test so tests do not see each other's rows or
 * partitions.
 */
final class TestDatabase implements AutoCloseable {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  final RunningPostgres postgres;

  private TestDatabase(RunningPostgres postgres) {
    this.postgres = postgres;
  }

  /** A new database on the shared server; {@code dir} is unused and stays for the callers. */
  static TestDatabase start(Path dir) {
    return new TestDatabase(SharedServices.database(TestDatabase.class));
  }

  /** A server of its own under {@code dir}, for a test that stops and starts it. */
  static TestDatabase dedicated(Path dir) {
    return new TestDatabase(PostgresService.start(PostgresOptions.forTest(dir)));
  }

  /** A new empty schema and a pool whose connections use it. */
  HikariDataSource freshSchema() throws SQLException {
    String schema = "t" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = postgres.jdbcUrl() + "?currentSchema=" + schema;
    return PooledDataSources.create(
        new DatabaseSettings(url, postgres.user(), postgres.password(), 4, Duration.ofSeconds(3)),
        "it-" + schema);
  }

  static long count(javax.sql.DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    postgres.close();
  }
}
