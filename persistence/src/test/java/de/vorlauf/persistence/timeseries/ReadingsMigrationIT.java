package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.migration.R__Readings_storage_policies;
import de.vorlauf.persistence.migration.V2__Timescaledb;
import de.vorlauf.persistence.migration.V3__Readings_storage;
import de.vorlauf.persistence.migration.V4__Readings_timescale_rollup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V3 turns a plain V1 readings table that already holds rows into daily partitions. */
class ReadingsMigrationIT {

  @TempDir Path dir;

  @Test
  void existingRowsSurviveThePartitioningMigration() throws Exception {
    try (TestDatabase database = TestDatabase.start(dir);
        HikariDataSource ds = database.freshSchema()) {
      StorageSettings settings = StorageSettings.defaults();
      Flyway.configure(getClass().getClassLoader())
          .dataSource(ds)
          .locations(Migrations.LOCATION)
          .placeholders(settings.toPlaceholders())
          .javaMigrations(
              new V2__Timescaledb(),
              new V3__Readings_storage(),
              new V4__Readings_timescale_rollup(),
              new R__Readings_storage_policies(settings))
          .target("2")
          .load()
          .migrate();
      List<String> v1Definition = tableDefinition(ds);
      Instant old = Instant.parse("2024-02-29T23:59:59.123456Z");
      Instant recent = Instant.now().minus(Duration.ofDays(3));
      insertPlain(ds, old, 1_000);
      insertPlain(ds, recent, 1_000);
      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings")).isEqualTo(2_000);

      assertThat(Migrations.migrate(ds).applied()).anyMatch(m -> m.startsWith("3 "));

      // V1 is the one definition of the columns, defaults and checks; V3 copies them
      assertThat(tableDefinition(ds)).isEqualTo(v1Definition);

      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings")).isEqualTo(2_000);
      assertThat(
              TestDatabase.count(
                  ds,
                  "SELECT count(*) FROM sensor_readings"
                      + " WHERE time = '2024-02-29T23:59:59.123456Z'"))
          .isEqualTo(1);
      assertThat(TestDatabase.count(ds, "SELECT sum(reading_count) FROM sensor_readings_hourly"))
          .isEqualTo(2_000);
      assertThat(
              TestDatabase.count(
                  ds,
                  "SELECT count(*) FROM pg_class WHERE relname = 'sensor_readings_unpartitioned'"))
          .isZero();
      try (Connection c = ds.getConnection()) {
        assertThat(StorageMode.detect(c)).isEqualTo(StorageMode.PLAIN_POSTGRESQL);
        assertThat(PartitionManager.list(c))
            .contains(
                LocalDate.of(2024, 2, 29),
                LocalDate.of(2024, 3, 1),
                PartitionNames.dayOf(recent),
                LocalDate.now(ZoneOffset.UTC).plusDays(7));
      }
      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings_p20240229"))
          .isEqualTo(1);
    }
  }

  /** Columns with type, nullability and default, then constraints, of sensor_readings. */
  private static List<String> tableDefinition(HikariDataSource ds) throws Exception {
    List<String> definition = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT column_name, data_type, is_nullable, column_default
                FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'sensor_readings'
               ORDER BY ordinal_position
              """)) {
        while (rs.next()) {
          definition.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT conname, pg_get_constraintdef(oid)
                FROM pg_constraint
               WHERE conrelid = 'sensor_readings'::regclass
               ORDER BY conname
              """)) {
        while (rs.next()) {
          definition.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    assertThat(definition).anyMatch(d -> d.startsWith("sensor_readings_value_finite CHECK"));
    return definition;
  }

  private static void insertPlain(HikariDataSource ds, Instant start, int rows) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
            INSERT INTO sensor_readings (time, building_id, device_id, sensor_id, value, unit)
            VALUES (?, 'b1', 'd1', 'outdoor_temp', ?, 'degC')
            """)) {
      for (int i = 0; i < rows; i++) {
        s.setObject(1, OffsetDateTime.ofInstant(start.plusSeconds(i), ZoneOffset.UTC));
        s.setDouble(2, i * 0.1);
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
