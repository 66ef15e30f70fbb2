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
    "SELECT set_chunk_time_interval('sensor_readings', ?::interval)",
    "SELECT remove_compression_policy('sensor_readings', if_exists => true)",
    "SELECT add_compression_policy('sensor_readings', compress_after => ?::interval)",
    "SELECT remove_retention_policy('sensor_readings', if_exists => true)",
    "SELECT add_retention_policy('sensor_readings', drop_after => ?::interval)",
    "SELECT remove_continuous_aggregate_policy('sensor_readings_hourly', if_exists => true)",
    """
    SELECT add_continuous_aggregate_policy('sensor_readings_hourly',
        start_offset => ?::interval,
        end_offset => INTERVAL '1 hour',
        schedule_interval => INTERVAL '30 minutes')
    """,
    "SELECT remove_retention_policy('sensor_readings_hourly', if_exists => true)",
    "SELECT add_retention_policy('sensor_readings_hourly', drop_after => ?::interval)"
  };

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
