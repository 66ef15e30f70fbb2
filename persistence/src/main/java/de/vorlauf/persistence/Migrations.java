package de.vorlauf.persistence;

import de.vorlauf.persistence.migration.MigrationReport;
import de.vorlauf.persistence.migration.R__Heating_type_check;
import de.vorlauf.persistence.migration.R__Readings_storage_policies;
import de.vorlauf.persistence.migration.V2__Timescaledb;
import de.vorlauf.persistence.migration.V3__Readings_storage;
import de.vorlauf.persistence.migration.V4__Readings_timescale_rollup;
import de.vorlauf.persistence.timeseries.StorageSettings;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

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
            new R__Readings_storage_policies(storage),
            new R__Heating_type_check())
        .failOnMissingLocations(true)
        .cleanDisabled(true)
        .load();
  }
}
