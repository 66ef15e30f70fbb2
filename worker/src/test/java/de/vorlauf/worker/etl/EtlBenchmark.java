package de.vorlauf.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.activities.etl.EtlActivitiesImpl;
import de.vorlauf.activities.etl.EtlSettings;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.worker.MigratedSchema;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlProgress;
import de.vorlauf.workflows.etl.EtlRequest;
import de.vorlauf.workflows.etl.NightlyEtlWorkflow;
import de.vorlauf.workflows.etl.NightlyEtlWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not part of the suite (no *IT / *Test name): the measurement of docs/benchmarks.md "Nightly ETL:
 * 1,000 buildings × 1 day" (issue 16). {@code bench.buildings} buildings (Europe/Berlin, two
 * heating circuits) with one device each and 8 sensors (outdoor, indoor, flow, return and flow rate
 * of both circuits: every one of them a sensor the features read), a reading a minute over one
 * local day: 1,000 × 8 × 1,440 = 11.52 M rows, generated in SQL. First the floor: one plain {@code
 * date_bin} 15-minute average per series over exactly those rows, every result row fetched. Then
 * {@code NightlyEtlWorkflow} in BACKFILL mode for that day, every active building, default
 * concurrency, on the Temporal CLI dev server with a worker wired as {@code VorlaufWorker} wires
 * the ETL (pooled data source, 3 attempts a day, 2 s apart), timed from start to result. Run with
 * {@code mvn -o -pl worker -am verify -Dit.test=EtlBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedSchema.class)
class EtlBenchmark {

  private static final Logger log = LoggerFactory.getLogger(EtlBenchmark.class);
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final String FLOOR =
      """
      SELECT series_id, date_bin('15 minutes', time, TIMESTAMPTZ '2000-01-01 00:00Z') AS slot,
             avg(value)
      FROM readings WHERE time >= ? AND time < ?
      GROUP BY series_id, slot
      """;

  @TempDir Path dir;

  @Test
  void backfillOfOneDayAgainstADateBinFloor(TestDatabase database) throws Exception {
    int buildings = Integer.getInteger("bench.buildings", 1_000);
    int concurrency = Integer.getInteger("bench.concurrency", 0);
    // two days back: a complete local day well inside raw retention
    LocalDate day = LocalDate.now(ZONE).minusDays(2);
    Instant from = day.atStartOfDay(ZONE).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZONE).toInstant();

    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(database.jdbcUrl());
    pool.setUsername(database.user());
    pool.setPassword(database.password());
    pool.setMaximumPoolSize(10);
    try (HikariDataSource ds = new HikariDataSource(pool)) {
      long loadStarted = System.nanoTime();
      long rows = load(ds, buildings, day, from, to);
      double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
      log.info("BENCH-LOAD {} rows generated, indexed and analysed in {} s", rows, loadSeconds);

      String loadBefore = loadAverage();
      long floorStarted = System.nanoTime();
      long floorRows = floor(ds, from, to);
      double floorSeconds = (System.nanoTime() - floorStarted) / 1e9;

      List<Duration> days = Collections.synchronizedList(new ArrayList<>());
      RunningTemporal temporal =
          TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.CLI_DEV_SERVER));
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
      WorkerFactory workers = null;
      try {
        WorkflowClient client = WorkflowClient.newInstance(stubs);
        workers = WorkerFactory.newInstance(client);
        Worker worker = workers.newWorker(TaskQueues.PLATFORM);
        worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
        worker.registerActivitiesImplementations(
            new EtlActivitiesImpl(
                new FeatureSource(ds),
                new FeatureStore(ds),
                new EtlBuildings(ds),
                new FeatureCalculator(HolidayCalendar.germany()),
                new EtlSettings(
                    Duration.ofDays(90), Duration.ofDays(730), 3, Duration.ofSeconds(2)),
                Clock.systemUTC(),
                (ok, took) -> days.add(took)));
        workers.start();

        // every active building (an empty set), the requested concurrency (0: the default)
        EtlRequest request =
            new EtlRequest(
                EtlMode.BACKFILL, null, List.of(), day, day, concurrency, null, null, null);
        String workflowId = NightlyEtlWorkflow.BACKFILL_ID_PREFIX + UUID.randomUUID();
        NightlyEtlWorkflow etl =
            client.newWorkflowStub(
                NightlyEtlWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PLATFORM)
                    .setWorkflowId(workflowId)
                    .build());
        long etlStarted = System.nanoTime();
        WorkflowClient.start(etl::run, request);
        EtlProgress progress =
            client
                .newUntypedWorkflowStub(workflowId)
                .getResult(30, TimeUnit.MINUTES, EtlProgress.class);
        double etlSeconds = (System.nanoTime() - etlStarted) / 1e9;
        String loadAfter = loadAverage();

        long features =
            database.count(
                "SELECT count(*) FROM building_features WHERE etl_run = '" + workflowId + "'");
        List<Duration> sorted = new ArrayList<>(days);
        Collections.sort(sorted);
        double busy = sorted.stream().mapToLong(Duration::toMillis).sum() / 1e3;
        log.info(
            "BENCH etl backfill {} buildings x 1 day ({}), {} raw rows: ETL {} s end to end"
                + " ({} building-days done, {} failed, {} feature rows), floor date_bin 15 min"
                + " {} s ({} result rows), ratio {}; building-day ms p50 {} p90 {} max {}, sum {}"
                + " s over {} s wall; load average before {} after {}",
            buildings,
            day,
            rows,
            String.format("%.1f", etlSeconds),
            progress.done(),
            progress.failed(),
            features,
            String.format("%.1f", floorSeconds),
            floorRows,
            String.format("%.2f", etlSeconds / floorSeconds),
            percentile(sorted, 50),
            percentile(sorted, 90),
            sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).toMillis(),
            String.format("%.1f", busy),
            String.format("%.1f", etlSeconds),
            loadBefore,
            loadAfter);
        assertThat(progress.finished()).isTrue();
        assertThat(progress.done()).isEqualTo(buildings);
      } finally {
        if (workers != null) {
          workers.shutdownNow();
          workers.awaitTermination(10, TimeUnit.SECONDS);
        }
        stubs.shutdownNow();
        stubs.awaitTermination(5, TimeUnit.SECONDS);
        temporal.close();
      }
    }
  }

  /** Buildings, devices, series and one reading a minute per series over the local day. */
  private static long load(
      HikariDataSource ds, int buildings, LocalDate day, Instant from, Instant to)
      throws Exception {
    try (Connection c = ds.getConnection()) {
      // the local day spans two UTC days; the gap rule's margin reaches into the days around
      new PartitionManager()
          .ensure(
              c,
              List.of(
                  day.minusDays(1),
                  day,
                  day.plusDays(1),
                  from.atOffset(ZoneOffset.UTC).toLocalDate(),
                  to.atOffset(ZoneOffset.UTC).toLocalDate()));
      try (Statement s = c.createStatement()) {
        s.execute(
            """
            INSERT INTO buildings (id, name, time_zone, heating_type, heating_circuits)
            SELECT 'eb' || lpad(g::text, 5, '0'), 'ETL bench ' || g, 'Europe/Berlin', 'gas', 2
            FROM generate_series(1, %d) g
            """
                .formatted(buildings));
        s.execute("INSERT INTO devices (id, building_id) SELECT id || '-d1', id FROM buildings");
        s.execute(
            """
            INSERT INTO series (building_id, device_id, sensor_id, unit)
            SELECT b.id, b.id || '-d1', v.sensor, v.unit
            FROM buildings b CROSS JOIN (VALUES
                ('outdoor_temp', 'degC', 1), ('indoor_temp', 'degC', 2),
                ('vorlauf_temp_hk1', 'degC', 3), ('ruecklauf_temp_hk1', 'degC', 4),
                ('flow_rate_hk1', 'l/min', 5), ('vorlauf_temp_hk2', 'degC', 6),
                ('ruecklauf_temp_hk2', 'degC', 7), ('flow_rate_hk2', 'l/min', 8)) v(sensor, unit, n)
            ORDER BY b.id, v.n
            """);
      }
      long rows;
      try (PreparedStatement insert =
          c.prepareStatement(
              """
              INSERT INTO readings (series_id, time, value, quality)
              SELECT s.id, t,
                     CASE s.sensor_id
                         WHEN 'outdoor_temp' THEN 2 + 4 * sin(extract(epoch FROM t) / 13751)
                         WHEN 'indoor_temp' THEN 21 + random() * 0.5
                         WHEN 'vorlauf_temp_hk1' THEN 55 - 1.5 * sin(extract(epoch FROM t) / 13751)
                         WHEN 'vorlauf_temp_hk2' THEN 50 - 1.5 * sin(extract(epoch FROM t) / 13751)
                         WHEN 'ruecklauf_temp_hk1' THEN 40 + random()
                         WHEN 'ruecklauf_temp_hk2' THEN 36 + random()
                         ELSE 18 + random() * 4
                     END,
                     0
              FROM series s
              CROSS JOIN generate_series(?::timestamptz, ?::timestamptz - INTERVAL '1 minute',
                                         INTERVAL '1 minute') t
              ORDER BY s.id, t
              """)) {
        insert.setObject(1, from.atOffset(ZoneOffset.UTC));
        insert.setObject(2, to.atOffset(ZoneOffset.UTC));
        rows = insert.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        // both sides then read settled pages with fresh statistics
        s.execute("VACUUM ANALYZE readings");
        s.execute("ANALYZE series");
        s.execute("ANALYZE buildings");
      }
      return rows;
    }
  }

  /** The floor: a plain 15-minute average per series over the same rows, every row fetched. */
  private static long floor(HikariDataSource ds, Instant from, Instant to) throws Exception {
    long count = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement statement = c.prepareStatement(FLOOR)) {
      c.setAutoCommit(false);
      statement.setFetchSize(10_000);
      statement.setObject(1, from.atOffset(ZoneOffset.UTC));
      statement.setObject(2, to.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rs.getInt(1);
          rs.getObject(2, java.time.OffsetDateTime.class);
          rs.getDouble(3);
          count++;
        }
      }
      c.commit();
    }
    return count;
  }

  private static long percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))).toMillis();
  }

  private static String loadAverage() throws Exception {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return parts[0] + "/" + parts[1] + "/" + parts[2];
  }
}
