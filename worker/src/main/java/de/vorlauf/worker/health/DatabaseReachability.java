package de.vorlauf.worker.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Whether PostgreSQL answers now: a fresh connection with short timeouts, apart from the worker's
 * pools (whose waits are long enough to ride out a restart, too long for a readiness probe, and
 * whose idle connections would not notice a dead server).
 */
final class DatabaseReachability {

  private static final String SECONDS = "2";

  private final String url;
  private final Properties login = new Properties();

  /**
   * @param password null when none is needed; never logged
   */
  DatabaseReachability(String url, String user, String password) {
    this.url = url;
    login.setProperty("user", user);
    if (password != null) {
      login.setProperty("password", password);
    }
    login.setProperty("connectTimeout", SECONDS);
    login.setProperty("loginTimeout", SECONDS);
    login.setProperty("socketTimeout", SECONDS);
    login.setProperty("ApplicationName", "vorlauf-worker-readiness");
  }

  /** Null when the database answered a query, else why not. */
  String problem() {
    try (Connection connection = DriverManager.getConnection(url, login)) {
      return connection.isValid(2) ? null : "the connection did not answer a query within 2 s";
    } catch (SQLException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }
}
