package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real TimescaleDB (2.13 .. 2.28 on PostgreSQL 15), when VORLAUF_TIMESCALE_TEST_URL names
 * one (e.g. {@code jdbc:postgresql://127.0.0.1:5432/vorlauf_it}; credentials in
 * VORLAUF_TIMESCALE_TEST_USER / VORLAUF_TIMESCALE_TEST_PASSWORD). The role must own the database;
 * the extension is created in {@code public} if missing. Everything else happens in a schema of its
 * own that is dropped at the end. The only conditional test: no package offers TimescaleDB for the
 * embedded server.
 *
 * <p>The catalogue is read only through the information views that every release of that range
 * documents: {@code hypertables}, {@code dimensions}, {@code compression_settings} (kept "for
 * backwards compatibility" after {@code hypertable_compression_settings} came), {@code
 * continuous_aggregates} and {@code jobs}. A job of a continuous aggregate's policy names, in
 * {@code jobs.hypertable_name}, the materialisation hypertable in older releases and the aggregate
 * itself in 2.28; the query accepts both.
 */
@EnabledIfEnvironmentVariable(named = "VORLAUF_TIMESCALE_TEST_URL", matches = ".+")
class TimescaleStorageIT {

  @TempDir Path dir;

  private final String url = System.getenv("VORLAUF_TIMESCALE_TEST_URL");
  private final String user =
      System.getenv().getOrDefault("VORLAUF_TIMESCALE_TEST_USER", "postgres");
  private final String password = System.getenv("VORLAUF_TIMESCALE_TEST_PASSWORD");

  @Test
  void policiesAggregateAndQueriesMatchThePlainPath() throws Exception {
    String schema = "vorlauf_it_" + ProcessHandle.current().pid();
    try (Connection admin = DriverManager.getConnection(url, user, password);
        Statement s = admin.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      s.execute("CREATE SCHEMA " + schema);
    }
    try (HikariDataSource ts = pool(url + separator(url) + "currentSchema=" + schema + ",public");
        TestDatabase plainDb = TestDatabase.start(dir);
        HikariDataSource plain = plainDb.freshSchema()) {
      Migrations.migrate(ts);
      Migrations.migrate(plain);
      assertSchema(ts, schema);
      List<ReadingRow> rows = sameRows();
      write(ts, StorageMode.TIMESCALEDB, rows);
      write(plain, StorageMode.PLAIN_POSTGRESQL, rows);
      // a policy run racing the writes may have materialised part of them: settle it
      try (Connection c = ts.getConnection();
          Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        s.execute("CALL refresh_continuous_aggregate('readings_hourly', NULL, NULL)");
      }
      assertBucketsAgree(ts, plain);
      assertReadbackAgrees(ts, plain);
      assertLateRowsIntoCompressedChunks(ts);
    } finally {
      try (Connection admin = DriverManager.getConnection(url, user, password);
          Statement s = admin.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private void assertSchema(DataSource ds, String schema) throws SQLException {
    try (Connection c = ds.getConnection()) {
      assertThat(StorageMode.detect(c)).isEqualTo(StorageMode.TIMESCALEDB);
      assertThat(de.vorlauf.persistence.DatabaseProbe.probe(c).timescaleActive())
          .as("the status page reports TimescaleDB as active")
          .isTrue();
    }
    assertThat(
            query(
                ds,
                """
        SELECT compression_enabled::text FROM timescaledb_information.hypertables
        WHERE hypertable_schema = current_schema() AND hypertable_name = 'readings'
        """))
        .containsExactly("true");
    assertThat(
            query(
                ds,
                """
        SELECT time_interval::text FROM timescaledb_information.dimensions
        WHERE hypertable_schema = current_schema() AND hypertable_name = 'readings'
        """))
        .containsExactly("1 day");
    assertThat(
            query(
                ds,
                """
        SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'readings' ORDER BY 1
        """))
        .as("the primary key is the only index ingestion pays for")
        .containsExactly("readings_pk");
    assertThat(
            query(
                ds,
                """
        SELECT attname || ':' || CASE WHEN segmentby_column_index IS NOT NULL THEN 'segmentby'
                                      ELSE 'orderby' END
        FROM timescaledb_information.compression_settings
        WHERE hypertable_schema = current_schema() AND hypertable_name = 'readings'
          AND (segmentby_column_index IS NOT NULL OR orderby_column_index IS NOT NULL)
        """))
        .containsExactlyInAnyOrder("series_id:segmentby", "time:orderby");
    assertThat(
            query(
                ds,
                """
        SELECT materialized_only::text FROM timescaledb_information.continuous_aggregates
        WHERE view_schema = current_schema() AND view_name = 'readings_hourly'
        """))
        .containsExactly("false");
    assertThat(
            query(
                ds,
                """
        SELECT j.proc_name || ' ' || coalesce(j.config ->> 'drop_after',
                                              j.config ->> 'compress_after',
                                              j.config ->> 'start_offset')
        FROM timescaledb_information.jobs j
        WHERE j.proc_name IN ('policy_compression', 'policy_retention',
                              'policy_refresh_continuous_aggregate')
          AND ((j.hypertable_schema = current_schema()
                AND j.hypertable_name IN ('readings', 'readings_hourly'))
               OR (j.hypertable_schema, j.hypertable_name) IN (
                   SELECT materialization_hypertable_schema, materialization_hypertable_name
                   FROM timescaledb_information.continuous_aggregates
                   WHERE view_schema = current_schema() AND view_name = 'readings_hourly'))
        ORDER BY 1
        """))
        .containsExactlyInAnyOrder(
            "policy_compression 7 days", "policy_retention 90 days",
            "policy_refresh_continuous_aggregate 89 days", "policy_retention 730 days");
    for (String[] view :
        new String[][] {
          {"readings_hourly", "series_id,bucket,min_value,max_value,avg_value,reading_count"},
          {
            "sensor_readings_hourly",
            "bucket,building_id,sensor_id,min_value,max_value,avg_value,reading_count"
          },
          {
            "sensor_readings",
            "time,building_id,sensor_id,value,quality,device_id,unit,series_id,timestamp_source"
          }
        }) {
      assertThat(
              query(
                  ds,
                  """
          SELECT string_agg(column_name, ',' ORDER BY ordinal_position)
          FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = '%s'
          """
                      .formatted(view[0])))
          .as(view[0])
          .containsExactly(view[1]);
    }
  }

  private static List<ReadingRow> sameRows() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
    List<ReadingRow> rows = new ArrayList<>();
    for (int device = 0; device < 4; device++) {
      rows.addAll(
          Rows.series(
              "b" + device % 2,
              "d" + device,
              "vorlauf_temp_hk1",
              start.plusSeconds(device * 997L),
              3 * 3_600));
    }
    rows.addAll(Rows.series("b0", "d0", "outdoor_temp", Instant.now().minusSeconds(600), 300));
    return rows;
  }

  private static void write(DataSource ds, StorageMode mode, List<ReadingRow> rows)
      throws Exception {
    try (ReadingWriter writer = ReadingWriter.start(ds, mode, WriterSettings.defaults(), "it")) {
      assertThat(writer.submit(rows, Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS).inserted())
          .isEqualTo(rows.size());
      assertThat(
              writer
                  .submit(rows.subList(0, 500), Duration.ofSeconds(30))
                  .get(60, TimeUnit.SECONDS)
                  .duplicates())
          .isEqualTo(500);
    }
  }

  private static void assertBucketsAgree(DataSource ts, DataSource plain) throws SQLException {
    Instant from = Instant.now().minus(Duration.ofDays(11));
    Instant to = Instant.now().plus(Duration.ofHours(1));
    for (String[] series :
        new String[][] {
          {"b0", "vorlauf_temp_hk1"}, {"b1", "vorlauf_temp_hk1"}, {"b0", "outdoor_temp"}
        }) {
      for (Duration width :
          List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(15))) {
        List<ReadingQueries.Bucket> a;
        List<ReadingQueries.Bucket> b;
        try (Connection c = ts.getConnection()) {
          a = ReadingQueries.buckets(c, series[0], series[1], from, to, width);
        }
        try (Connection c = plain.getConnection()) {
          b = ReadingQueries.buckets(c, series[0], series[1], from, to, width);
        }
        assertThat(a).isNotEmpty().hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
          assertThat(a.get(i).start()).isEqualTo(b.get(i).start());
          assertThat(a.get(i).count()).isEqualTo(b.get(i).count());
          assertThat(a.get(i).min()).isEqualTo(b.get(i).min());
          assertThat(a.get(i).max()).isEqualTo(b.get(i).max());
          assertThat(a.get(i).avg()).isCloseTo(b.get(i).avg(), within(1e-9));
        }
      }
    }
  }

  /** Late and redelivered rows into a compressed chunk: new ones stored, duplicates not. */
  private static void assertLateRowsIntoCompressedChunks(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT compress_chunk(ch, if_not_compressed => true)"
              + " FROM show_chunks('readings', older_than => INTERVAL '7 days') ch");
    }
    assertThat(
            query(
                ds,
                "SELECT count(*)::text FROM timescaledb_information.chunks"
                    + " WHERE hypertable_schema = current_schema() AND is_compressed"))
        .singleElement()
        .asString()
        .isNotEqualTo("0");
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
    List<ReadingRow> late = new ArrayList<>(Rows.series("b0", "d0", "vorlauf_temp_hk1", start, 5));
    late.addAll(Rows.series("b0", "d9", "vorlauf_temp_hk1", start, 5));
    try (ReadingWriter writer =
        ReadingWriter.start(ds, StorageMode.TIMESCALEDB, WriterSettings.defaults(), "it-late")) {
      assertThat(writer.submit(late, Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS))
          .isEqualTo(new WriteResult(5, 5));
    }
  }

  /** The pivoted readback of the WAR's API gives the same rows on both storage modes. */
  private static void assertReadbackAgrees(DataSource ts, DataSource plain) throws Exception {
    Instant from = Instant.now().minus(Duration.ofDays(11));
    Instant to = Instant.now().plus(Duration.ofHours(1));
    for (var resolution : de.vorlauf.persistence.readings.Resolution.values()) {
      var query =
          new de.vorlauf.persistence.readings.ReadingsQuery(
              "b0",
              List.of("vorlauf_temp_hk1", "outdoor_temp"),
              from,
              to,
              resolution,
              de.vorlauf.persistence.readings.Aggregate.MAX,
              from.minus(Duration.ofDays(1)));
      assertThat(readback(ts, query)).as(resolution.name()).isEqualTo(readback(plain, query));
    }
  }

  private static List<String> readback(
      DataSource ds, de.vorlauf.persistence.readings.ReadingsQuery query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      var columns =
          de.vorlauf.persistence.readings.ReadingsRepository.columns(
              c, query.buildingId(), query.sensors());
      rows.add(columns.stream().map(col -> col.name()).toList().toString());
      de.vorlauf.persistence.readings.ReadingsRepository.stream(
          c, query, columns, (t, v) -> rows.add(t + " " + java.util.Arrays.toString(v)));
    }
    return rows;
  }

  private HikariDataSource pool(String jdbcUrl) {
    return PooledDataSources.create(
        new DatabaseSettings(jdbcUrl, user, password, 4, Duration.ofSeconds(10)), "it-timescale");
  }

  private static String separator(String url) {
    return url.contains("?") ? "&" : "?";
  }

  private static List<String> query(DataSource ds, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
