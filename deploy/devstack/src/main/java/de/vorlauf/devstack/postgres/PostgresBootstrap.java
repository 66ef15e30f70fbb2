package de.vorlauf.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start of a fresh cluster: the application role and database, a superuser password, and a
 * pg_hba.conf that asks every connection for a password (SCRAM) instead of zonky's trust. Each step
 * may run again, so a start interrupted half-way completes on the next one.
 */
final class PostgresBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresBootstrap.class);
  private static final String MARKER = "vorlauf-bootstrap.done";

  /** Loopback TCP only (no unix socket is opened), always with a password. */
  static final String PG_HBA =
      """
      # Written by Vorlauf: password (SCRAM) for every connection, loopback TCP only.
      host all all 127.0.0.1/32 scram-sha-256
      """;

  private PostgresBootstrap() {}

  static boolean isDone(Path dataDir) {
    return Files.exists(dataDir.resolve(MARKER));
  }

  static void run(
      EmbeddedPostgres postgres, Path dataDir, String superPassword, String appPassword) {
    LOG.info(
        "Creating role and database '{}' in the new PostgreSQL cluster", PostgresOptions.APP_USER);
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      createRole(connection, appPassword);
      createDatabase(connection);
      setPassword(connection, "postgres", superPassword);
      Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_reload_conf()");
      }
      verifyLogin(postgres.getPort(), appPassword);
      Files.writeString(dataDir.resolve(MARKER), "roles, database and pg_hba.conf set up\n");
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the embedded PostgreSQL cluster", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to " + dataDir, e);
    }
  }

  private static void createRole(Connection connection, String password) throws SQLException {
    if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", PostgresOptions.APP_USER)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE ROLE " + PostgresOptions.APP_USER + " LOGIN");
      }
    }
    setPassword(connection, PostgresOptions.APP_USER, password);
  }

  private static void createDatabase(Connection connection) throws SQLException {
    if (!exists(
        connection, "SELECT 1 FROM pg_database WHERE datname = ?", PostgresOptions.DATABASE)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE DATABASE " + PostgresOptions.DATABASE + " OWNER " + PostgresOptions.APP_USER);
      }
    }
  }

  /**
   * ALTER ROLE takes no bind parameters; the password is generated from a URL-safe alphabet, so
   * quoting it as a literal is safe. PostgreSQL hashes it with SCRAM (password_encryption).
   */
  private static void setPassword(Connection connection, String role, String password)
      throws SQLException {
    if (!password.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("generated passwords are URL-safe; this one is not");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
    }
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  private static void verifyLogin(int port, String appPassword) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresOptions.APP_USER);
    properties.setProperty("password", appPassword);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + PostgresOptions.DATABASE;
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      LOG.info("Role '{}' logs in with its password", PostgresOptions.APP_USER);
    }
  }
}
