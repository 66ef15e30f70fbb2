package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Existing data through the layout changes, on one PostgreSQL: V3 turns a plain V1 table into daily
 * partitions; V60–V62 move the wide layout into series, in place, losing no row (count and checksum
 * over every column equal), keeping the rollup, and resuming after an interrupted run.
 */
class ReadingsMigrationIT {

  @TempDir static Path dir;
  private static TestDatabase database;

  @BeforeAll
  static void start() {
    database = TestDatabase.start(dir);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void existingRowsSurviveThePartitioningAndTheSeriesMigration() throws Exception {
    try (HikariDataSource ds = database.freshSchema()) {
      migrateTo(ds, "2");
      Instant old = Instant.parse("2024-02-29T23:59:59.123456Z");
      Instant recent = Instant.now().minus(Duration.ofDays(3));
      insertWide(ds, "b1", "d1", "outdoor_temp", old, 1_000);
      insertWide(ds, "b1", "d1", "outdoor_temp", recent, 1_000);

      assertThat(Migrations.migrate(ds).applied())
          .anyMatch(m -> m.startsWith("3 "))
          .anyMatch(m -> m.startsWith("61 "));

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
                  "SELECT count(*) FROM pg_class WHERE relname IN"
                      + " ('sensor_readings_unpartitioned', 'sensor_readings_wide')"))
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
      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM readings_p20240229")).isEqualTo(1);
    }
  }

  @Test
  void theWideLayoutMovesIntoSeriesWithoutLosingARowAndResumesAfterAFailure() throws Exception {
    try (HikariDataSource ds = database.freshSchema()) {
      migrateTo(ds, "4");
      Instant day1 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
      Instant day2 = day1.plus(Duration.ofDays(1));
      try (Connection c = ds.getConnection()) {
        PartitionManager.createWithinTransaction(
            c, List.of(PartitionNames.dayOf(day1), PartitionNames.dayOf(day2)));
      }
      // two buildings, a device that moved from b1 to b2 on day 2, all three qualities
      insertWide(ds, "b1", "d1", "vorlauf_temp_hk1", day1.plusSeconds(7), 3_000);
      insertWide(ds, "b1", "d1", "outdoor_temp", day1.plusSeconds(11), 3_000);
      insertWide(ds, "b1", "d2", "vorlauf_temp_hk1", day1.plusSeconds(13), 3_000);
      insertWide(ds, "b2", "d2", "vorlauf_temp_hk1", day2.plusSeconds(17), 3_000);
      insertWide(ds, "b2", "d3", "heat_power", day2.plusSeconds(19), 3_000);
      execute(
          ds,
          "UPDATE sensor_readings SET quality = 'uncertain' WHERE extract(epoch FROM time)::int % 7 = 0",
          "UPDATE sensor_readings SET quality = 'bad' WHERE extract(epoch FROM time)::int % 11 = 0",
          // an hour whose raw rows are past retention: only the wide rollup still knows it
          """
          INSERT INTO sensor_readings_rollup_hourly
              (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
          VALUES ('2024-06-01T10:00:00Z', 'b1', 'outdoor_temp', 1.5, 4.5, 300, 100)
          """);
      String digest = "SELECT count(*)::text || '/' || (%s)::text FROM sensor_readings";
      String checksum =
          "coalesce(sum(hashtextextended(concat_ws('|', building_id, device_id, sensor_id, unit,"
              + " (extract(epoch FROM time) * 1000000)::bigint, value::text, quality), 0)"
              + "::numeric), 0)";
      String before = text(ds, digest.formatted(checksum));
      List<String> rollupBefore = rollup(ds);
      assertThat(before).startsWith("15000/");

      // a row already at a key of day 2 makes that day's checks fail: day 1 is moved, day 2 not
      migrateTo(ds, "60");
      execute(
          ds,
          """
          INSERT INTO series (building_id, device_id, sensor_id, unit)
          VALUES ('b2', 'd2', 'vorlauf_temp_hk1', 'degC')
          """,
          """
          INSERT INTO readings (series_id, time, value)
          SELECT id, TIMESTAMPTZ '%s', -1 FROM series WHERE device_id = 'd2' AND building_id = 'b2'
          """
              .formatted(day2.plusSeconds(17)));
      assertThatThrownBy(() -> Migrations.migrate(ds))
          .isInstanceOf(FlywayException.class)
          .hasStackTraceContaining("does not add up");
      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM readings")).isEqualTo(9_001);
      assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings_wide"))
          .isEqualTo(6_000);

      execute(ds, "DELETE FROM readings WHERE value = -1");
      Migrations.migrate(ds);

      assertThat(text(ds, digest.formatted(checksum))).isEqualTo(before);
      List<String> rollupAfter = rollup(ds);
      assertThat(rollupAfter).hasSameSizeAs(rollupBefore);
      for (int i = 0; i < rollupBefore.size(); i++) {
        String[] b = rollupBefore.get(i).split("#");
        String[] a = rollupAfter.get(i).split("#");
        assertThat(a[0]).as("bucket, building, sensor, min, max, count").isEqualTo(b[0]);
        assertThat(Double.parseDouble(a[1])).isCloseTo(Double.parseDouble(b[1]), within(1e-9));
      }
      assertThat(rollupAfter).anyMatch(r -> r.startsWith("2024-06-01 10:00:00+00|b1|outdoor_temp"));
      assertThat(
              text(
                  ds,
                  "SELECT string_agg(building_id, ',' ORDER BY building_id) FROM series"
                      + " WHERE device_id = 'd2'"))
          .as("the move keeps the old building's history in its own series")
          .isEqualTo("b1,b2");
      assertThat(
              TestDatabase.count(
                  ds,
                  "SELECT count(*) FROM pg_class WHERE relname IN ('sensor_readings_wide',"
                      + " 'series_migration_steps')"))
          .isZero();
      assertThat(
              TestDatabase.count(
                  ds,
                  "SELECT count(*) FROM pg_class WHERE relname = '"
                      + PartitionNames.nameOf(
                          PartitionNames.LEGACY_PARENT, PartitionNames.dayOf(day1))
                      + "'"))
          .as("each moved day's wide partition is dropped")
          .isZero();
    }
  }

  /** Per bucket, building and sensor: "bucket|building|sensor|min|max|count#avg". */
  private static List<String> rollup(DataSource ds) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT bucket::text || '|' || building_id || '|' || sensor_id || '|' || min_value
                     || '|' || max_value || '|' || reading_count || '#' || avg_value
              FROM sensor_readings_hourly ORDER BY bucket, building_id, sensor_id
              """)) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
    }
    return rows;
  }

  private static void migrateTo(DataSource ds, String version) {
    StorageSettings settings = StorageSettings.defaults();
    Flyway.configure(ReadingsMigrationIT.class.getClassLoader())
        .dataSource(ds)
        .locations(Migrations.LOCATION)
        .placeholders(settings.toPlaceholders())
        .javaMigrations(
            new V2__Timescaledb(),
            new V3__Readings_storage(),
            new V4__Readings_timescale_rollup(),
            new de.vorlauf.persistence.migration.V60__Series_storage(),
            new R__Readings_storage_policies(settings))
        .target(version)
        .load()
        .migrate();
  }

  /** Rows of the wide layout, one per second, as its writer stored them (and its rollup). */
  private static void insertWide(
      DataSource ds, String building, String device, String sensor, Instant start, int rows)
      throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
            INSERT INTO sensor_readings (time, building_id, device_id, sensor_id, value, unit)
            VALUES (?, ?, ?, ?, ?, 'degC')
            """)) {
      for (int i = 0; i < rows; i++) {
        s.setObject(1, OffsetDateTime.ofInstant(start.plusSeconds(i), ZoneOffset.UTC));
        s.setString(2, building);
        s.setString(3, device);
        s.setString(4, sensor);
        s.setDouble(5, i * 0.1 + (i % 3) / 7.0);
        s.addBatch();
      }
      s.executeBatch();
      if (exists(c, "sensor_readings_rollup_hourly")) {
        try (Statement st = c.createStatement()) {
          st.executeUpdate(
              """
              INSERT INTO sensor_readings_rollup_hourly
                  (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
              SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                     building_id, sensor_id, min(value), max(value), sum(value), count(*)
              FROM sensor_readings
              WHERE building_id = '%s' AND device_id = '%s' AND sensor_id = '%s'
              GROUP BY 1, 2, 3
              ON CONFLICT (bucket, building_id, sensor_id) DO UPDATE
              SET min_value = least(sensor_readings_rollup_hourly.min_value, excluded.min_value),
                  max_value = greatest(sensor_readings_rollup_hourly.max_value,
                                       excluded.max_value),
                  sum_value = sensor_readings_rollup_hourly.sum_value + excluded.sum_value,
                  reading_count = sensor_readings_rollup_hourly.reading_count
                                  + excluded.reading_count
              """
                  .formatted(building, device, sensor));
        }
      }
    }
  }

  private static boolean exists(Connection c, String table) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void execute(DataSource ds, String... sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static String text(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
