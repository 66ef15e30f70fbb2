package de.vorlauf.activities.selfcheck;

import java.sql.SQLException;

/** Short, actionable descriptions of JDBC failures. */
final class SqlErrors {

  private SqlErrors() {}

  /**
   * The message plus the root cause: pools report "connection not available" and keep the real
   * reason (refused, authentication failed, unknown database) in the cause.
   */
  static String describe(SQLException e) {
    StringBuilder text = new StringBuilder("database: ").append(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      text.append(" — ").append(root.getMessage());
    }
    if (e.getSQLState() != null) {
      text.append(" [SQLSTATE ").append(e.getSQLState()).append(']');
    }
    return text.toString();
  }
}
