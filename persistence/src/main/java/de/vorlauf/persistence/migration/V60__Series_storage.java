package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.PartitionNames;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SortedSet;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series layout, transactional part: {@code series}, the narrow {@code readings} (daily
 * partitions on plain PostgreSQL, a hypertable with compression settings on TimescaleDB), the
 * rollup table and views. The wide table is renamed {@code sensor_readings_wide} (its hourly
 * rollup: the plain table becomes {@code readings_rollup_archive}, the TimescaleDB aggregate {@code
 * sensor_readings_hourly_wide} without policies); V61 moves its rows, V62 creates what needs them.
 * A failure rolls everything back: the wide layout is untouched.
 */
public class V60__Series_storage extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V60__Series_storage.class);

  static final String WIDE = "sensor_readings_wide";
  static final String WIDE_HOURLY = "sensor_readings_hourly_wide";

  private static final String RENAME_WIDE = "ALTER TABLE sensor_readings RENAME TO " + WIDE;

  private static final String PLAIN_ROLLUP_TO_ARCHIVE =
      """
      DROP VIEW sensor_readings_hourly;
      ALTER TABLE sensor_readings_rollup_hourly RENAME TO readings_rollup_archive;
      ALTER TABLE readings_rollup_archive
          RENAME CONSTRAINT sensor_readings_rollup_hourly_pk TO readings_rollup_archive_pk;
      DROP INDEX sensor_readings_rollup_hourly_series_idx
      """;

  // the wide layout's jobs must not drop or compress what is being moved
  private static final String[] TIMESCALE_WIDE_AWAY = {
    "ALTER MATERIALIZED VIEW sensor_readings_hourly RENAME TO " + WIDE_HOURLY,
    "SELECT remove_compression_policy('" + WIDE + "', if_exists => true)",
    "SELECT remove_retention_policy('" + WIDE + "', if_exists => true)",
    "SELECT remove_continuous_aggregate_policy('" + WIDE_HOURLY + "', if_exists => true)",
    "SELECT remove_retention_policy('" + WIDE_HOURLY + "', if_exists => true)"
  };

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    StorageSettings settings =
        StorageSettings.fromPlaceholders(context.getConfiguration().getPlaceholders());
    boolean timescale = StorageMode.isHypertable(connection, "sensor_readings");
    try (Statement statement = connection.createStatement()) {
      statement.execute(SeriesSchema.CREATE_SERIES);
      statement.execute(RENAME_WIDE);
      if (timescale) {
        for (String sql : TIMESCALE_WIDE_AWAY) {
          statement.execute(sql);
        }
        statement.execute(SeriesSchema.CREATE_ARCHIVE);
        statement.execute(SeriesSchema.CREATE_READINGS.formatted(""));
        statement.execute(SeriesSchema.CREATE_HYPERTABLE);
        statement.execute(SeriesSchema.ENABLE_COMPRESSION);
      } else {
        statement.execute(PLAIN_ROLLUP_TO_ARCHIVE);
        statement.execute(SeriesSchema.CREATE_READINGS.formatted(" PARTITION BY RANGE (time)"));
        SortedSet<LocalDate> days =
            new TreeSet<>(PartitionManager.list(connection, WIDE, PartitionNames.LEGACY_PARENT));
        days.addAll(
            PartitionNames.window(LocalDate.now(ZoneOffset.UTC), settings.partitionsAhead()));
        PartitionManager.createWithinTransaction(connection, PartitionNames.PARENT, days);
        statement.execute(SeriesSchema.CREATE_PLAIN_ROLLUP);
      }
      statement.execute(SeriesSchema.CREATE_SOURCE_VIEW);
    }
    log.info(
        "Series layout created ({}); the wide table is {} until V61 has moved its rows",
        timescale ? "TimescaleDB hypertable" : "daily partitions",
        WIDE);
  }
}
