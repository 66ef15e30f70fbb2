package de.vorlauf.persistence.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.persistence.MigratedSchema;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.PartitionNames;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.testsupport.SharedServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ETL's storage path on a migrated PostgreSQL: readings read back for a building-day with the
 * margin and the data-beyond checks, features written, a re-run replacing them, dirty marks,
 * monthly partitions and retention.
 */
class FeatureStoreIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // starts 2026-10-31T23:00Z: the building-day spans two UTC months
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final FeatureCalculator CALCULATOR =
      new FeatureCalculator(HolidayCalendar.germany());

  private static RunningPostgres postgres;
  private static HikariDataSource ds;

  @BeforeAll
  static void start() throws Exception {
    postgres = SharedServices.database(FeatureStoreIT.class, MigratedSchema.class);
    ds =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(), postgres.user(), postgres.password(), 4, Duration.ofSeconds(5)),
            "it-features");
    try (Connection c = ds.getConnection()) {
      if (StorageMode.detect(c) == StorageMode.PLAIN_POSTGRESQL) {
        c.setAutoCommit(false);
        PartitionManager.createWithinTransaction(
            c,
            PartitionNames.PARENT,
            List.of(
                LocalDate.of(2020, 1, 14),
                LocalDate.of(2020, 1, 15),
                LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 2)));
        c.commit();
        c.setAutoCommit(true);
      }
    }
    // b1: one reading a minute of the four required sensors from 2026-10-31T20:00Z on for 30 h,
    // outdoor missing 03:00..06:00 local (a 3-hour gap); one bad reading of 99 °C at 12:05 local
    series("b1", "outdoor_temp", "2026-10-31T20:00:00Z", 1800, 5.0);
    series("b1", "vorlauf_temp_hk1", "2026-10-31T20:00:00Z", 1800, 55.0);
    series("b1", "ruecklauf_temp_hk1", "2026-10-31T20:00:00Z", 1800, 40.0);
    series("b1", "flow_rate_hk1", "2026-10-31T20:00:00Z", 1800, 12.0);
    execute(
        """
        DELETE FROM readings WHERE series_id = (SELECT id FROM series
            WHERE building_id = 'b1' AND sensor_id = 'outdoor_temp')
          AND time >= '2026-11-01T02:00:00Z' AND time < '2026-11-01T05:00:00Z'
        """);
    execute(
        """
        INSERT INTO readings (series_id, time, value, quality)
        SELECT id, '2026-11-01T11:05:30Z', 99.0, 2 FROM series
        WHERE building_id = 'b1' AND sensor_id = 'outdoor_temp'
        """);
  }

  @AfterAll
  static void stop() {
    if (ds != null) {
      ds.close();
    }
  }

  @Test
  void aBuildingDayIsReadWithItsMarginComputedAndWritten() throws Exception {
    BuildingDay day = new BuildingDay("b1", DAY, BERLIN);
    FeatureInput input = new FeatureSource(ds).day(day, new FeatureLayout(1));
    // the day's 24 h plus 2 h of margin on each side, one reading a minute per sensor, less the gap
    assertThat(input.readings()).hasSize(4 * 28 * 60 - 180 + 1);
    // the data starts an hour before the margin and ends an hour after it
    List<String> required = new FeatureLayout(1).requiredSensorIds();
    assertThat(input.dataBefore()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(input.dataAfter()).containsExactlyInAnyOrderElementsOf(required);

    new FeatureStore(ds).replaceDay(day, CALCULATOR.compute(input), "run-1", Instant.now());

    assertThat(count("SELECT count(*) FROM building_features WHERE building_id = 'b1'"))
        .isEqualTo(96);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                SELECT outdoor_temp, outdoor_temp_src, flow_temp[1], flow_temp_src[1], spread[1],
                       heat_power_kw[1], heating_degree_hours, quality, local_hour, day_of_week,
                       holiday, bad_readings, readings
                FROM building_features
                WHERE building_id = 'b1' AND time = '2026-11-01T11:00:00Z'
                """)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(1)).isEqualTo(5.0);
      assertThat(rs.getInt(2)).isEqualTo(1);
      assertThat(rs.getDouble(3)).isEqualTo(55.0);
      assertThat(rs.getInt(4)).isEqualTo(1);
      assertThat(rs.getDouble(5)).isEqualTo(15.0);
      assertThat(rs.getDouble(6)).isCloseTo(12.54, within(1e-9));
      assertThat(rs.getDouble(7)).isEqualTo(3.25);
      assertThat(rs.getDouble(8)).isEqualTo(1.0);
      assertThat(rs.getInt(9)).isEqualTo(12);
      assertThat(rs.getInt(10)).isEqualTo(7);
      assertThat(rs.getBoolean(11)).isFalse();
      assertThat(rs.getInt(12)).isEqualTo(1);
      assertThat(rs.getInt(13)).isEqualTo(60);
    }
    // the 3-hour gap: empty and flagged, quality 3/4
    assertThat(
            count(
                """
                SELECT count(*) FROM building_features
                WHERE building_id = 'b1' AND outdoor_temp IS NULL AND outdoor_temp_src = 0
                  AND quality = 0.75
                """))
        .isEqualTo(12);
  }

  @Test
  void aReRunReplacesTheDayAndClearsOnlyEarlierDirtyMarks() throws Exception {
    BuildingDay day = new BuildingDay("b2", DAY, BERLIN);
    List<FeatureRow> rows =
        CALCULATOR.compute(
            FeatureInput.ofDay(
                day, new FeatureLayout(1), List.of(), java.util.Set.of(), java.util.Set.of()));
    FeatureStore store = new FeatureStore(ds);
    execute(
        "INSERT INTO etl_dirty_days (building_id, day, marked_at) VALUES"
            + " ('b2', '2026-11-01', '2026-11-02T01:00:00Z')");
    store.replaceDay(day, rows, "run-1", Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(count("SELECT count(*) FROM etl_dirty_days WHERE building_id = 'b2'")).isOne();

    store.replaceDay(day, rows, "run-2", Instant.parse("2026-11-02T02:00:00Z"));

    assertThat(count("SELECT count(*) FROM building_features WHERE building_id = 'b2'"))
        .isEqualTo(96);
    assertThat(
            count(
                "SELECT count(*) FROM building_features WHERE building_id = 'b2'"
                    + " AND etl_run = 'run-2' AND quality = 0 AND cardinality(flow_temp) = 1"))
        .isEqualTo(96);
    assertThat(count("SELECT count(*) FROM etl_dirty_days WHERE building_id = 'b2'")).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM etl_building_days WHERE building_id = 'b2'"
                    + " AND etl_run = 'run-2' AND slots = 96"))
        .isOne();
  }

  @Test
  void monthsArePartitionsOnPlainPostgresAndRetentionDropsWholeOldMonths() throws Exception {
    FeatureStore store = new FeatureStore(ds);
    BuildingDay old = new BuildingDay("b3", LocalDate.of(2020, 1, 15), BERLIN);
    store.replaceDay(
        old,
        CALCULATOR.compute(
            FeatureInput.ofDay(
                old, new FeatureLayout(2), List.of(), java.util.Set.of(), java.util.Set.of())),
        "run-old",
        Instant.now());
    assertThat(
            count(
                "SELECT count(*) FROM building_features WHERE building_id = 'b3'"
                    + " AND cardinality(heat_power_kw) = 2"))
        .isEqualTo(96);
    boolean plain;
    try (Connection c = ds.getConnection()) {
      plain = StorageMode.detect(c) == StorageMode.PLAIN_POSTGRESQL;
    }

    List<YearMonth> dropped =
        store.applyRetention(Duration.ofDays(730), Instant.parse("2026-12-03T00:00:00Z"));

    if (plain) {
      assertThat(dropped).containsExactly(YearMonth.of(2020, 1));
      assertThat(count("SELECT count(*) FROM building_features WHERE building_id = 'b3'")).isZero();
      assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'building_features_p202611'"))
          .isOne();
    }
    assertThat(count("SELECT count(*) FROM etl_building_days WHERE building_id = 'b3'")).isZero();
  }

  @Test
  void lateReadingsMarkTheirDayAndTheNeighbourAcrossMidnightButTodayNever() throws Exception {
    execute(
        """
        INSERT INTO buildings (id, name, time_zone, heating_type)
        VALUES ('late-1', 'late', 'Europe/Berlin', 'gas')
        """);
    Instant now = Instant.now();
    Instant threeDaysAgoNoon =
        java.time.LocalDate.ofInstant(now, BERLIN)
            .minusDays(3)
            .atTime(12, 0)
            .atZone(BERLIN)
            .toInstant();
    Instant twoDaysAgoJustAfterMidnight =
        java.time.LocalDate.ofInstant(now, BERLIN)
            .minusDays(2)
            .atTime(0, 40)
            .atZone(BERLIN)
            .toInstant();
    try (Connection c = ds.getConnection()) {
      int sent =
          DirtyDays.mark(
              c,
              List.of("late-1", "late-1", "late-1", "late-1"),
              List.of(
                  threeDaysAgoNoon,
                  threeDaysAgoNoon.plusSeconds(60),
                  twoDaysAgoJustAfterMidnight,
                  now),
              now);
      assertThat(sent).isEqualTo(2); // two slots; the live reading never reaches the database
    }
    LocalDate today = LocalDate.ofInstant(now, BERLIN);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT day FROM etl_dirty_days WHERE building_id = 'late-1' ORDER BY day")) {
      List<LocalDate> days = new java.util.ArrayList<>();
      while (rs.next()) {
        days.add(rs.getObject(1, LocalDate.class));
      }
      assertThat(days).containsExactly(today.minusDays(3), today.minusDays(2));
    }
    assertThat(DirtyDays.todayEverywhere(now)).isBeforeOrEqualTo(now);
  }

  private static void series(String building, String sensor, String from, int minutes, double v)
      throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                WITH s AS (
                    INSERT INTO series (building_id, device_id, sensor_id, unit)
                    VALUES (?, 'd-' || ?, ?, 'x') RETURNING id)
                INSERT INTO readings (series_id, time, value, quality)
                SELECT s.id, ?::timestamptz + make_interval(mins => m) + INTERVAL '20 seconds', ?, 0
                FROM s, generate_series(0, ? - 1) AS m
                """)) {
      s.setString(1, building);
      s.setString(2, building);
      s.setString(3, sensor);
      s.setString(4, from);
      s.setDouble(5, v);
      s.setInt(6, minutes);
      s.executeUpdate();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
