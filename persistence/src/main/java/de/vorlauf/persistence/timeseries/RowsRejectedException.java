package de.vorlauf.persistence.timeseries;

import java.sql.SQLException;

/**
 * The database refused this submission's rows for what they contain (a data or constraint error,
 * e.g. SQLSTATE 22xxx/23xxx), so retrying cannot help. Other submissions of the same batch were
 * written without it. Validation should have caught this: quarantine the rows.
 */
public class RowsRejectedException extends RuntimeException {

  public RowsRejectedException(SQLException cause) {
    super(
        "database rejected the rows (SQLSTATE " + cause.getSQLState() + "): " + cause.getMessage(),
        cause);
  }
}
