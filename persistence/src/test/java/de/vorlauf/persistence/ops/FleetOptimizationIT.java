package de.vorlauf.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's optimisation columns and filters (issue 23) at 10,000 buildings with six hourly
 * results and setpoint commands each and a finished portfolio run: the right buildings per filter,
 * the newest result and command per building, and plans that probe the indexes per building instead
 * of scanning the results or commands (the fleet page must stay fast at this size).
 */
class FleetOptimizationIT {

  private static final Logger LOG = LoggerFactory.getLogger(FleetOptimizationIT.class);
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final FleetRules RULES =
      new FleetRules(Duration.ofMinutes(10), Duration.ofHours(24));
  private static final int BUILDINGS = 10_000;

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;
  private static FleetRepository fleet;
  private static FleetOptimization optimization;

  @BeforeAll
  static void tenThousandBuildingsWithSixHoursEach() throws SQLException {
    db = RepositoryDatabase.start(dbDir);
    fleet = new FleetRepository(db.dataSource());
    optimization = new FleetOptimization(db.dataSource());
    db.execute(
        """
        INSERT INTO buildings (id, name, time_zone, heating_type)
        SELECT 'o-' || lpad(i::text, 5, '0'), 'Haus ' || i, 'Europe/Berlin', 'gas'
        FROM generate_series(1, 10000) i
        """,
        // one device per building with a status, so the fleet query has its real work to do
        """
        INSERT INTO devices (id, building_id)
        SELECT 'd-' || i, 'o-' || lpad(i::text, 5, '0') FROM generate_series(1, 10000) i
        """,
        """
        INSERT INTO device_status (device_id, building_id, first_seen, last_seen,
            last_reading_time, message_count, reading_count, quarantined_count, online, streak,
            state_changed_at)
        SELECT 'd-' || i, 'o-' || lpad(i::text, 5, '0'), TIMESTAMPTZ '2026-11-01Z',
               TIMESTAMPTZ '2026-12-04 11:59:30Z', TIMESTAMPTZ '2026-12-04 11:59:20Z', 100, 1000,
               0, true, 2, TIMESTAMPTZ '2026-11-01Z'
        FROM generate_series(1, 10000) i
        """,
        // hours 6..1 before noon; in the newest hour buildings 1-40 fall back, whereas every
        // building fell back two hours before (an older fallback must not count)
        """
        INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
            recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
            confidence, valid_until, fallback, fallback_reason)
        SELECT 'o-' || lpad(i::text, 5, '0'), TIMESTAMPTZ '2026-12-04 12:00Z' - h * interval '1 hour',
               'hourly', 40 + h, 21, false, 45, 4.5, 0.9,
               TIMESTAMPTZ '2026-12-04 13:00Z' - h * interval '1 hour',
               CASE WHEN (h = 1 AND i <= 40) OR h = 3 THEN 'NO_ROOM_MEASUREMENT' END,
               CASE WHEN (h = 1 AND i <= 40) OR h = 3 THEN 'no room temperature' END
        FROM generate_series(1, 10000) i, generate_series(1, 6) h
        """,
        // the newest command: 101-109 rejected, 201-206 expired, the rest applied; older ones of
        // every building rejected (they must not count)
        """
        INSERT INTO setpoint_commands (command_id, building_id, device_id, circuit, as_of, origin,
            flow_temp_setpoint, issued_at, valid_until, payload, state, attempts, queued_at,
            settled_at, reason)
        SELECT 'c-' || i || '-' || h, 'o-' || lpad(i::text, 5, '0'), 'd-' || i, 1,
               TIMESTAMPTZ '2026-12-04 12:00Z' - h * interval '1 hour', 'hourly', 40 + h,
               TIMESTAMPTZ '2026-12-04 12:00Z' - h * interval '1 hour',
               TIMESTAMPTZ '2026-12-04 13:00Z' - h * interval '1 hour', '\\x7b7d', s.state, 1,
               TIMESTAMPTZ '2026-12-04 12:00Z' - h * interval '1 hour',
               TIMESTAMPTZ '2026-12-04 12:05Z' - h * interval '1 hour',
               CASE WHEN s.state <> 'APPLIED' THEN 'device said no' END
        FROM generate_series(1, 10000) i, generate_series(1, 6) h,
             LATERAL (SELECT CASE WHEN h > 1 THEN 'REJECTED'
                                  WHEN i BETWEEN 101 AND 109 THEN 'REJECTED'
                                  WHEN i BETWEEN 201 AND 206 THEN 'EXPIRED'
                                  ELSE 'APPLIED' END AS state) s
        """,
        // 24 older finished runs failed buildings 1-500 each, the latest finished one 301-311,
        // and a newer run is still running (none of those counts)
        """
        INSERT INTO portfolio_runs (workflow_id, run_id, as_of, origin, state, buildings_total,
            done, failed, started_at, updated_at, finished_at)
        SELECT 'p-old-' || n, 'r', TIMESTAMPTZ '2026-12-03 10:00Z' + n * interval '1 hour',
               'hourly', 'COMPLETED', 10000, 9500, 500,
               TIMESTAMPTZ '2026-12-03 10:05Z' + n * interval '1 hour',
               TIMESTAMPTZ '2026-12-03 10:06Z' + n * interval '1 hour',
               TIMESTAMPTZ '2026-12-03 10:06Z' + n * interval '1 hour'
        FROM generate_series(0, 23) n
        """,
        """
        INSERT INTO portfolio_runs (workflow_id, run_id, as_of, origin, state, buildings_total,
            done, failed, started_at, updated_at, finished_at)
        VALUES ('p-last', 'r', '2026-12-04 11:00Z', 'hourly', 'COMPLETED', 10000, 9989, 11,
                '2026-12-04 11:05Z', '2026-12-04 11:06Z', '2026-12-04 11:06Z'),
               ('p-now', 'r', '2026-12-04 12:00Z', 'hourly', 'RUNNING', 10000, 10, 0,
                '2026-12-04 12:05Z', '2026-12-04 12:05Z', NULL)
        """,
        """
        INSERT INTO portfolio_run_buildings (portfolio_run, building_id, status, reason, attempts,
            retryable, recorded_at)
        SELECT r.id, 'o-' || lpad(i::text, 5, '0'), 'FAILED', 'boom', 3, true, r.updated_at
        FROM portfolio_runs r, generate_series(1, 500) i
        WHERE (r.workflow_id LIKE 'p-old-%') OR (r.workflow_id = 'p-last' AND i BETWEEN 301 AND 311)
        """,
        "ANALYZE buildings, devices, device_status, optimization_results, setpoint_commands, portfolio_runs,"
            + " portfolio_run_buildings");
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void eachFilterFindsTheBuildingsByTheirNewestResultCommandOrLatestFinishedRun()
      throws SQLException {
    assertThat(total(FleetOptimizationFilter.ALL)).isEqualTo(BUILDINGS);
    assertThat(total(FleetOptimizationFilter.FALLBACK)).isEqualTo(40);
    assertThat(total(FleetOptimizationFilter.REJECTED)).isEqualTo(9);
    assertThat(total(FleetOptimizationFilter.EXPIRED)).isEqualTo(6);
    Page<FleetBuilding> failed = page(FleetOptimizationFilter.FAILED);
    assertThat(failed.total()).isEqualTo(11);
    assertThat(failed.items().get(0).id()).isEqualTo("o-00301");
  }

  @Test
  void aPageGetsEachBuildingsNewestResultCommandAndRunProblem() throws SQLException {
    List<String> ids =
        IntStream.of(1, 102, 202, 305, 999).mapToObj(i -> "o-%05d".formatted(i)).toList();
    Map<String, FleetOptimization.Latest> latest = optimization.latest(ids);
    assertThat(latest).containsOnlyKeys(ids);
    FleetOptimization.Latest first = latest.get("o-00001");
    assertThat(first.result().asOf()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(first.result().flowC()).isEqualTo(41.0);
    assertThat(first.result().baselineFlowC()).isEqualTo(45.0);
    assertThat(first.result().fallback()).isEqualTo("NO_ROOM_MEASUREMENT");
    assertThat(first.delivery().state()).isEqualTo("APPLIED");
    assertThat(first.lastRun()).isNull();
    assertThat(latest.get("o-00102").delivery().state()).isEqualTo("REJECTED");
    assertThat(latest.get("o-00102").delivery().reason()).isEqualTo("device said no");
    assertThat(latest.get("o-00202").delivery().state()).isEqualTo("EXPIRED");
    assertThat(latest.get("o-00305").lastRun().status()).isEqualTo("FAILED");
    assertThat(latest.get("o-00999").result().fallback()).isNull();
    assertThat(optimization.latest(List.of("o-nothing"))).isEmpty();
  }

  @Test
  void theFiltersAndThePagesReadProbeTheIndexesPerBuilding() throws SQLException {
    for (FleetOptimizationFilter filter : FleetOptimizationFilter.values()) {
      String plan =
          plan("SELECT count(*) FROM buildings fleet WHERE " + filter.predicate, List.of());
      LOG.info("plan of the fleet filter {}:\n{}", filter.code(), plan);
      assertThat(plan)
          .doesNotContain("Seq Scan on optimization_results")
          .doesNotContain("Seq Scan on setpoint_commands")
          .doesNotContain("Seq Scan on portfolio_run_buildings");
    }
    String[] page =
        IntStream.rangeClosed(1, 50).mapToObj(i -> "o-%05d".formatted(i)).toArray(String[]::new);
    String plan = plan(FleetOptimization.LATEST, List.of((Object) page));
    LOG.info("plan of a page's newest optimisations:\n{}", plan);
    assertThat(plan)
        .contains("optimization_results_key")
        .contains("setpoint_commands_building")
        .doesNotContain("Seq Scan on optimization_results")
        .doesNotContain("Seq Scan on setpoint_commands");
    for (FleetOptimizationFilter filter : FleetOptimizationFilter.values()) {
      long[] millis = new long[5];
      for (int i = 0; i < millis.length; i++) {
        long start = System.nanoTime();
        page(filter);
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
      java.util.Arrays.sort(millis);
      LOG.info(
          "the fleet's first page of 10,000 buildings with optimisation filter {}: median {} ms of {}",
          filter.code(),
          millis[2],
          java.util.Arrays.toString(millis));
    }
  }

  private static long total(FleetOptimizationFilter filter) throws SQLException {
    return page(filter).total();
  }

  private static Page<FleetBuilding> page(FleetOptimizationFilter filter) throws SQLException {
    return fleet.page(
        RULES, null, FleetFilter.ALL, filter, FleetSort.ID, false, new PageRequest(0, 50), NOW);
  }

  private static String plan(String sql, List<Object> args) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
      for (int i = 0; i < args.size(); i++) {
        Object arg = args.get(i);
        if (arg instanceof String[] texts) {
          s.setArray(i + 1, c.createArrayOf("text", texts));
        } else {
          s.setObject(i + 1, arg);
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
