package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings storage, transactional part. Plain PostgreSQL: daily native partitions and the hourly
 * rollup table behind the {@code sensor_readings_hourly} view ({@link PlainReadingsSchema}).
 * TimescaleDB (V2 made a hypertable): the series index only; the continuous aggregate cannot be
 * created in a transaction and follows in V4.
 */
public class V3__Readings_storage extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V3__Readings_storage.class);

  // replaces the default time index TimescaleDB would create: readers filter by series first
  private static final String SERIES_INDEX =
      """
      CREATE INDEX IF NOT EXISTS sensor_readings_building_sensor_time_idx
          ON sensor_readings (building_id, sensor_id, time DESC)
      """;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    StorageSettings settings =
        StorageSettings.fromPlaceholders(context.getConfiguration().getPlaceholders());
    if (StorageMode.isHypertable(connection)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(SERIES_INDEX);
      }
      log.info("sensor_readings is a hypertable: series index created, rollup follows in V4");
      return;
    }
    PlainReadingsSchema.apply(
        connection, LocalDate.now(ZoneOffset.UTC), settings.partitionsAhead());
  }
}
