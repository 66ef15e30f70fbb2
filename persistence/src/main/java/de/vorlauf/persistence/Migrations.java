package de.vorlauf.persistence;

import de.vorlauf.persistence.migration.MigrationReport;
import de.vorlauf.persistence.migration.R__Heating_type_check;
import de.vorlauf.persistence.migration.R__Readings_storage_policies;
import de.vorlauf.persistence.migration.V2__Timescaledb;
import de.vorlauf.persistence.migration.V3__Readings_storage;
import de.vorlauf.persistence.migration.V4__Readings_timescale_rollup;
import de.vorlauf.persistence.migration.V60__Series_storage;
import de.vorlauf.persistence.migration.V61__Series_data_move;
import de.vorlauf.persistence.migration.V62__Series_rollup_views;
import de.vorlauf.persistence.migration.V90__Building_features;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the current schema. Runs as its own step before the worker and WildFly start
 * (the worker's {@code migrate} command); never from Hibernate. Safe to run concurrently and
 * repeatedly: Flyway serialises runs with an advisory lock and applies only what is missing.
 */
public final class Migrations {

  public static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /**
   * Applies all pending migrations.
   *
   * @throws org.flywaydb.core.api.FlywayException when the database is unreachable or a migration
   *     fails (the failed migration is rolled back)
   */
  public static MigrationReport migrate(DataSource dataSource) {
    return migrate(dataSource, StorageSettings.defaults());
  }

  /** Applies all pending migrations with the given readings retention and chunk settings. */
  public static MigrationReport migrate(DataSource dataSource, StorageSettings storage) {
    forgetFailedResumableRun(dataSource);
    MigrateResult result = flyway(dataSource, storage).migrate();
    return new MigrationReport(
        result.initialSchemaVersion,
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion,
        result.migrations.stream()
            .map(
                m ->
                    (m.version == null || m.version.isBlank() ? "R" : m.version)
                        + " "
                        + m.description)
            .toList());
  }

  // Flyway records a failed non-transactional migration and then refuses to migrate until someone
  // repairs the history. V61 and V62 commit their progress piece by piece and pick up where they
  // stopped, so their failure is not a broken schema: the record is removed and they run again.
  private static final String FORGET_FAILED =
      """
      DELETE FROM flyway_schema_history
      WHERE version IN ('61', '62') AND NOT success
      """;

  private static void forgetFailedResumableRun(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement exists =
              connection.prepareStatement(
                  "SELECT to_regclass('flyway_schema_history') IS NOT NULL");
          java.sql.ResultSet rs = exists.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return;
        }
      }
      try (PreparedStatement forget = connection.prepareStatement(FORGET_FAILED)) {
        if (forget.executeUpdate() > 0) {
          LoggerFactory.getLogger(Migrations.class)
              .warn("An earlier run of the series data move failed; resuming it");
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("cannot read the migration history: " + e.getMessage(), e);
    }
  }

  static Flyway flyway(DataSource dataSource) {
    return flyway(dataSource, StorageSettings.defaults());
  }

  static Flyway flyway(DataSource dataSource, StorageSettings storage) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .placeholders(storage.toPlaceholders())
        // registered explicitly: no classpath scanning for Java migrations
        .javaMigrations(
            new V2__Timescaledb(),
            new V3__Readings_storage(),
            new V4__Readings_timescale_rollup(),
            new V60__Series_storage(),
            new V61__Series_data_move(),
            new V62__Series_rollup_views(),
            new V90__Building_features(),
            new R__Readings_storage_policies(storage),
            new R__Heating_type_check())
        .failOnMissingLocations(true)
        .cleanDisabled(true)
        .load();
  }
}
