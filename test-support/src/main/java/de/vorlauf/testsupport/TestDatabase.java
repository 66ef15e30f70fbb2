package de.vorlauf.testsupport;

import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.Origin;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the JVM's shared PostgreSQL, owned by the application role. It is a
 * {@link RunningPostgres} so code written for a dedicated server takes it unchanged; it cannot be
 * stopped (other test classes share the server): tests that stop the database ask for a dedicated
 * server ({@link Dedicated}).
 */
public record TestDatabase(String database, String jdbcUrl, String user, String password)
    implements RunningPostgres {

  /** A pool-less data source: fine for set-up and checks, not for load. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** Runs one statement (set-up SQL of a test). */
  public void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row of a count query. */
  public long count(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Override
  public Origin origin() {
    return Origin.EMBEDDED;
  }

  @Override
  public String label() {
    return "database " + database + " on the shared test PostgreSQL";
  }

  @Override
  public void stop() {
    throw new UnsupportedOperationException(
        "the test PostgreSQL is shared; annotate the test class @Dedicated to stop a server");
  }

  @Override
  public void start() {
    throw new UnsupportedOperationException("the test PostgreSQL is shared and always runs");
  }

  /** Leaves the database to the server's end at JVM exit: dropping it costs time for nothing. */
  @Override
  public void close() {}

  /** Without the password. */
  @Override
  public String toString() {
    return "TestDatabase[" + jdbcUrl + "]";
  }
}
