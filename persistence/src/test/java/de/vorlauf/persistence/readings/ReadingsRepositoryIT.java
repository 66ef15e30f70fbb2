package de.vorlauf.persistence.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.persistence.MigratedSchema;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.ReadingRow;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.testsupport.SharedServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readback against one migrated PostgreSQL: pivot with device-qualified columns, raw / 15 min /
 * hourly, aggregates, the rollup standing in beyond raw retention, a long range streamed.
 */
class ReadingsRepositoryIT {

  @TempDir static Path dir;
  private static RunningPostgres postgres;
  private static HikariDataSource ds;

  /** Two days ago at midnight: every reading is minute-aligned from here. */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));

  @BeforeAll
  static void start() throws Exception {
    postgres = SharedServices.database(ReadingsRepositoryIT.class, MigratedSchema.class);
    ds =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(), postgres.user(), postgres.password(), 4, Duration.ofSeconds(5)),
            "it-readings");
    Migrations.migrate(ds);
    List<ReadingRow> rows = new ArrayList<>();
    // b1: d1 reports flow and outdoor; d2 also reports outdoor (two devices, one sensor)
    for (int minute = 0; minute < 24 * 60; minute++) {
      Instant t = T0.plus(Duration.ofMinutes(minute));
      rows.add(row(t, "b1", "d1", "vorlauf_temp_hk1", 40 + minute % 60 * 0.1));
      rows.add(row(t, "b1", "d1", "outdoor_temp", minute % 10));
      if (minute % 2 == 0) {
        rows.add(row(t, "b1", "d2", "outdoor_temp", -minute % 7));
      }
      rows.add(row(t, "b2", "d9", "vorlauf_temp_hk1", 99));
    }
    try (ReadingWriter writer =
        ReadingWriter.start(
            ds, StorageMode.PLAIN_POSTGRESQL, WriterSettings.defaults(), "it-readings")) {
      for (int i = 0; i < rows.size(); i += 10_000) {
        writer
            .submit(rows.subList(i, Math.min(rows.size(), i + 10_000)), Duration.ofSeconds(10))
            .get(60, TimeUnit.SECONDS);
      }
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      // an hour from before the series layout, kept building-level in the archive
      s.execute(
          """
          INSERT INTO readings_rollup_archive
              (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
          VALUES ('%s', 'b1', 'vorlauf_temp_hk1', 10, 30, 1200, 60)
          """
              .formatted(T0.minus(Duration.ofDays(200))));
    }
  }

  @AfterAll
  static void stop() {
    ds.close();
    postgres.close();
  }

  private static ReadingRow row(Instant t, String b, String d, String s, double v) {
    return new ReadingRow(t, b, d, s, v, "degC", Quality.GOOD);
  }

  private record Row(Instant time, Double[] values) {}

  private static List<Row> read(ReadingsQuery query, List<ReadingsColumn> columns)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      ReadingsRepository.stream(c, query, columns, (t, v) -> rows.add(new Row(t, v)));
    }
    return rows;
  }

  private static List<ReadingsColumn> columns(String building, String... sensors) throws Exception {
    try (Connection c = ds.getConnection()) {
      return ReadingsRepository.columns(c, building, List.of(sensors));
    }
  }

  private static ReadingsQuery query(
      Instant from, Instant to, Resolution resolution, Aggregate agg, String... sensors) {
    return new ReadingsQuery(
        "b1", List.of(sensors), from, to, resolution, agg, T0.minus(Duration.ofDays(30)));
  }

  @Test
  void columnsAreNamedByDeviceWhereTwoDevicesReportASensor() throws Exception {
    assertThat(columns("b1", "vorlauf_temp_hk1", "outdoor_temp", "heat_power"))
        .extracting(ReadingsColumn::name)
        .containsExactly("vorlauf_temp_hk1", "d1:outdoor_temp", "d2:outdoor_temp");
    assertThat(columns("b2", "vorlauf_temp_hk1"))
        .extracting(ReadingsColumn::name)
        .containsExactly("vorlauf_temp_hk1");
    try (Connection c = ds.getConnection()) {
      assertThat(ReadingsRepository.buildingExists(c, "b1")).isFalse(); // never registered here
    }
  }

  @Test
  void rawRowsArePivotedOnePerTime() throws Exception {
    List<ReadingsColumn> columns = columns("b1", "vorlauf_temp_hk1", "outdoor_temp");
    List<Row> rows =
        read(
            query(
                T0,
                T0.plus(Duration.ofMinutes(4)),
                Resolution.RAW,
                Aggregate.AVG,
                "vorlauf_temp_hk1",
                "outdoor_temp"),
            columns);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).time()).isEqualTo(T0);
    assertThat(rows.get(0).values()).containsExactly(40.0, 0.0, 0.0);
    assertThat(rows.get(1).values()).containsExactly(40.1, 1.0, null);
  }

  @Test
  void quarterHoursAndHoursAggregate() throws Exception {
    List<ReadingsColumn> columns = columns("b1", "outdoor_temp");
    Instant to = T0.plus(Duration.ofHours(2));
    List<Row> quarters =
        read(query(T0, to, Resolution.QUARTER_HOUR, Aggregate.MAX, "outdoor_temp"), columns);
    List<Row> hours = read(query(T0, to, Resolution.HOUR, Aggregate.AVG, "outdoor_temp"), columns);
    List<Row> hourMins =
        read(query(T0, to, Resolution.HOUR, Aggregate.MIN, "outdoor_temp"), columns);
    assertThat(quarters).hasSize(8);
    assertThat(quarters.get(0).values()[0]).isEqualTo(9.0);
    assertThat(hours).hasSize(2);
    assertThat(hours.get(0).values()[0]).isCloseTo(4.5, within(1e-9));
    assertThat(hourMins.get(0).values()[0]).isEqualTo(0.0);
    assertThat(hourMins.get(0).values()[1]).isLessThanOrEqualTo(0.0);
  }

  @Test
  void beyondRawRetentionTheRollupAnswersAndSaysWhereItStops() throws Exception {
    List<ReadingsColumn> columns = columns("b1", "vorlauf_temp_hk1");
    Instant horizon = T0.plus(Duration.ofHours(3)).plusSeconds(1);
    ReadingsQuery query =
        new ReadingsQuery(
            "b1",
            List.of("vorlauf_temp_hk1"),
            T0.minus(Duration.ofDays(201)),
            T0.plus(Duration.ofHours(4)),
            Resolution.RAW,
            Aggregate.AVG,
            horizon);
    assertThat(query.rollupUntil()).isEqualTo(T0.plus(Duration.ofHours(4)));
    ReadingsQuery later =
        new ReadingsQuery(
            "b1",
            List.of("vorlauf_temp_hk1"),
            T0.minus(Duration.ofDays(201)),
            T0.plus(Duration.ofHours(6)),
            Resolution.RAW,
            Aggregate.AVG,
            horizon);
    assertThat(later.rollupUntil()).isEqualTo(T0.plus(Duration.ofHours(4)));
    List<Row> rows = read(later, columns);
    // the archived hour, four hours from the rollup, then two hours of minutes
    assertThat(rows).hasSize(1 + 4 + 120);
    assertThat(rows.get(0).values()[0]).isEqualTo(20.0);
    assertThat(rows.get(1).time()).isEqualTo(T0);
    assertThat(rows.get(5).time()).isEqualTo(T0.plus(Duration.ofHours(4)));
  }

  @Test
  void aLongRangeIsStreamedRowByRow() throws Exception {
    List<ReadingsColumn> columns = columns("b1", "vorlauf_temp_hk1", "outdoor_temp");
    long[] seen = {0};
    double[] sum = {0};
    long rows;
    try (Connection c = ds.getConnection()) {
      rows =
          ReadingsRepository.stream(
              c,
              query(
                  T0.minus(Duration.ofDays(365)),
                  T0.plus(Duration.ofDays(1)),
                  Resolution.RAW,
                  Aggregate.AVG,
                  "vorlauf_temp_hk1",
                  "outdoor_temp"),
              columns,
              (t, v) -> {
                seen[0]++;
                sum[0] += Arrays.stream(v).filter(x -> x != null).count();
              });
    }
    // the archived hour (beyond raw retention, from the rollup) and a day of minutes
    assertThat(rows).isEqualTo(seen[0]).isEqualTo(1 + 24 * 60);
    assertThat(sum[0]).isEqualTo(1 + 24 * 60 * 2 + 24 * 30);
  }
}
