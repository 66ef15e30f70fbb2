package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.migration.R__Heating_type_check;
import de.vorlauf.persistence.migration.R__Readings_storage_policies;
import de.vorlauf.persistence.migration.V2__Timescaledb;
import de.vorlauf.persistence.migration.V3__Readings_storage;
import de.vorlauf.persistence.migration.V4__Readings_timescale_rollup;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V31 and {@code R__Heating_type_check} against a real PostgreSQL: buildings registered before V31
 * get the source document's curve (heat pumps within their limit), the column defaults are the
 * domain's, and the database accepts exactly the domain's heating types.
 */
class BuildingHeatingMigrationIT {

  @TempDir static Path dbDir;
  private static RunningPostgres postgres;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void migrateWithBuildingsFromBeforeV31() throws SQLException {
    postgres = PostgresService.start(PostgresOptions.forTest(dbDir));
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
    StorageSettings storage = StorageSettings.defaults();
    Flyway.configure(BuildingHeatingMigrationIT.class.getClassLoader())
        .dataSource(dataSource)
        .locations(Migrations.LOCATION)
        .placeholders(storage.toPlaceholders())
        .javaMigrations(
            new V2__Timescaledb(),
            new V3__Readings_storage(),
            new V4__Readings_timescale_rollup(),
            new R__Readings_storage_policies(storage),
            new R__Heating_type_check())
        .target("30")
        .load()
        .migrate();
    insert("old-gas", "gas");
    insert("old-hp", "waermepumpe");

    Migrations.migrate(dataSource);
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void existingBuildingsGetTheDefaultCurveWithinTheirTypesLimits() throws SQLException {
    assertThat(curve("old-gas")).isEqualTo(HeatingType.GAS.defaultCurve());
    assertThat(curve("old-hp")).isEqualTo(HeatingType.WAERMEPUMPE.defaultCurve());
    assertThat(curve("old-hp").maxFlowC()).isEqualTo(55.0);
  }

  @Test
  void theColumnDefaultsAreTheSourceDocumentsCurve() throws SQLException {
    insert("new-gas", "gas");
    assertThat(curve("new-gas")).isEqualTo(HeatingCurve.DEFAULT);
  }

  @Test
  void theDatabaseAcceptsExactlyTheDomainsHeatingTypes() throws SQLException {
    for (HeatingType type : HeatingType.values()) {
      insert("type-" + type.code(), type.code());
    }
    assertThatThrownBy(() -> insert("type-coal", "coal"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
        .hasMessageContaining("buildings_heating_type_known");
    assertThat(allowedCodes()).containsExactlyInAnyOrderElementsOf(HeatingType.codes());
  }

  @Test
  void anUnorderedFlowRangeIsRefused() {
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO buildings (id, name, time_zone, heating_type, flow_temp_min,"
                        + " flow_temp_max) VALUES ('bad-range', 'B', 'Europe/Berlin', 'gas', 60,"
                        + " 50)"))
        .hasMessageContaining("buildings_flow_temp_ordered");
  }

  private static HeatingCurve curve(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                SELECT curve_base_temp, curve_slope, flow_temp_min, flow_temp_max
                  FROM buildings WHERE id = ?
                """)) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).as("building %s", id).isTrue();
        return new HeatingCurve(
            rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4));
      }
    }
  }

  /** The string constants of the check, read back from the catalogue. */
  private static List<String> allowedCodes() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                """
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conname = 'buildings_heating_type_known'
                """)) {
      assertThat(rows.next()).isTrue();
      List<String> codes = new ArrayList<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("'([^']*)'").matcher(rows.getString(1));
      while (m.find()) {
        codes.add(m.group(1));
      }
      return codes;
    }
  }

  private static void insert(String id, String type) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO buildings (id, name, time_zone, heating_type)"
                    + " VALUES (?, ?, 'Europe/Berlin', ?)")) {
      s.setString(1, id);
      s.setString(2, "Building " + id);
      s.setString(3, type);
      s.executeUpdate();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
