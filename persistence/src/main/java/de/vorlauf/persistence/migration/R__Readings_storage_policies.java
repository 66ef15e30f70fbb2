package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TimescaleDB policies from the {@link StorageSettings}: chunk interval, compression after N days,
 * raw retention, refresh of the continuous aggregate and its retention. A repeatable migration
 * whose checksum is derived from the settings, so Flyway applies it again whenever they change. On
 * plain PostgreSQL it does nothing: the application's maintenance job applies the settings.
 */
public class R__Readings_storage_policies extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(R__Readings_storage_policies.class);

  // Replaced as a whole in one transaction: remove then add is the documented way to change a
  // policy's parameters, and a crash in between rolls back to the old policies.
  private static final String[] POLICIES = {
    "SELECT set_chunk_time_interval('readings', ?::interval)",
    "SELECT remove_compression_policy('readings', if_exists => true)",
    "SELECT add_compression_policy('readings', compress_after => ?::interval)",
    "SELECT remove_retention_policy('readings', if_exists => true)",
    "SELECT add_retention_policy('readings', drop_after => ?::interval)",
    "SELECT remove_continuous_aggregate_policy('readings_hourly', if_exists => true)",
    """
    SELECT add_continuous_aggregate_policy('readings_hourly',
        start_offset => ?::interval,
        end_offset => INTERVAL '1 hour',
        schedule_interval => INTERVAL '30 minutes')
    """,
    "SELECT remove_retention_policy('readings_hourly', if_exists => true)",
    "SELECT add_retention_policy('readings_hourly', drop_after => ?::interval)"
  };

  /**
   * Part of the checksum: the objects the policies are set on. Changing them (the series layout,
   * V60) applies the policies again, to the new objects.
   */
  private static final String LAYOUT = "series-v1";

  private final StorageSettings settings;

  public R__Readings_storage_policies(StorageSettings settings) {
    this.settings = settings;
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(
        new java.util.TreeMap<>(settings.toPlaceholders())
            .toString()
            .concat(LAYOUT)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!StorageMode.isHypertable(connection)) {
      log.info(
          "Plain PostgreSQL: retention {} is applied by the storage maintenance job",
          settings.rawRetention());
      return;
    }
    Duration[] arguments = {
      settings.chunkInterval(),
      null,
      settings.compressAfter(),
      null,
      settings.rawRetention(),
      null,
      settings.refreshWindow(),
      null,
      settings.rollupRetention()
    };
    for (int i = 0; i < POLICIES.length; i++) {
      try (PreparedStatement statement = connection.prepareStatement(POLICIES[i])) {
        if (arguments[i] != null) {
          statement.setString(1, StorageSettings.sqlInterval(arguments[i]));
        }
        statement.execute();
      }
    }
    log.info("TimescaleDB policies set: {}", settings);
  }
}
