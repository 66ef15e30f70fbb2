package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.StorageMode;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the wide layout's rows into the series layout in place, one day (TimescaleDB: one chunk)
 * per transaction ({@link SeriesDataMove}). Runs outside a single transaction so that an
 * interrupted run keeps what it committed: the next {@code migrate} goes on with the days still in
 * {@code sensor_readings_wide}. Nothing to do once that table is gone.
 */
public class V61__Series_data_move extends BaseJavaMigration {

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean autoCommit = connection.getAutoCommit();
    try {
      new SeriesDataMove(connection, StorageMode.isHypertable(connection, V60__Series_storage.WIDE))
          .run();
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
