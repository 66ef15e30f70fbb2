package de.vorlauf.webadmin.registry;

import java.sql.SQLException;
import java.util.Optional;

/** Reads the SQLSTATE out of whatever JPA wrapped around a database refusal. */
final class DatabaseErrors {

  static final String UNIQUE_VIOLATION = "23505";
  static final String CHECK_VIOLATION = "23514";
  static final String FOREIGN_KEY_VIOLATION = "23503";

  private DatabaseErrors() {}

  static Optional<SQLException> sqlException(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }

  static boolean is(Throwable error, String sqlState) {
    return sqlException(error).map(e -> sqlState.equals(e.getSQLState())).orElse(false);
  }

  /** The server's first message line, e.g. the time-zone trigger's explanation. */
  static String message(Throwable error) {
    return sqlException(error)
        .map(SQLException::getMessage)
        .map(m -> m.lines().findFirst().orElse(m).replaceFirst("^ERROR: ", ""))
        .orElse(error.getMessage());
  }
}
