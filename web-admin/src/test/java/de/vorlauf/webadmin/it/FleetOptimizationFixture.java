package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.postgres.RunningPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The optimisation of {@link FleetFixture}'s 10,000 buildings for the UI benchmark (issue 23), as
 * the hourly portfolio run would have left it: 24 hourly results and setpoint commands per building
 * (every 50th building's newest result a fallback, every 200th newest command rejected and every
 * 250th expired), the predictions of the first ten buildings, and 48 finished portfolio runs with
 * 50 failed buildings each. Written once per database, in SQL.
 */
final class FleetOptimizationFixture {

  static final String BUILDING = "scale-00001";

  private static final String[] SQL = {
    """
    INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
        recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
        confidence, valid_until, fallback, fallback_reason)
    SELECT 'scale-' || lpad(i::text, 5, '0'), date_trunc('hour', now()) - h * interval '1 hour',
           'hourly', CASE WHEN f THEN 48 ELSE 40 + h % 5 END, 21, false, 48,
           CASE WHEN f THEN 0 ELSE 5.5 END, 0.9,
           date_trunc('hour', now()) - (h - 2) * interval '1 hour',
           CASE WHEN f THEN 'NO_ROOM_MEASUREMENT' END,
           CASE WHEN f THEN 'no room temperature in the last 24 h' END
    FROM generate_series(1, 10000) i, generate_series(0, 23) h,
         LATERAL (SELECT h = 0 AND i % 50 = 0 AS f) x
    """,
    """
    INSERT INTO setpoint_commands (command_id, building_id, device_id, circuit, as_of, origin,
        flow_temp_setpoint, issued_at, valid_until, payload, state, attempts, queued_at,
        settled_at, reason, applied_value, applied_at)
    SELECT 'scale-' || i || '-' || h, 'scale-' || lpad(i::text, 5, '0'),
           'scale-gb-' || lpad(i::text, 5, '0'), 1, t, 'hourly', 40 + h % 5, t,
           t + interval '2 hours', '\\x7b7d', s, 1, t, t + interval '1 minute',
           CASE s WHEN 'REJECTED' THEN 'above the device limit' WHEN 'EXPIRED' THEN 'no ack' END,
           CASE WHEN s = 'APPLIED' THEN 40 + h % 5 END,
           CASE WHEN s = 'APPLIED' THEN t + interval '1 minute' END
    FROM generate_series(1, 10000) i, generate_series(0, 23) h,
         LATERAL (SELECT date_trunc('hour', now()) - h * interval '1 hour' AS t) x,
         LATERAL (SELECT CASE WHEN h = 0 AND i % 200 = 0 THEN 'REJECTED'
                              WHEN h = 0 AND i % 250 = 0 THEN 'EXPIRED'
                              ELSE 'APPLIED' END AS s) y
    """,
    """
    INSERT INTO demand_predictions (building_id, model, version, as_of, issued_at, target_hour,
        predicted_kw, uncertainty_kw, origin)
    SELECT 'scale-' || lpad(i::text, 5, '0'), 'heat-demand', 1, t, t, t, 8 + h % 7, 0.8, 'hourly'
    FROM generate_series(1, 10) i, generate_series(0, 23) h,
         LATERAL (SELECT date_trunc('hour', now()) - h * interval '1 hour' AS t) x
    """,
    """
    INSERT INTO portfolio_runs (workflow_id, run_id, as_of, origin, state, buildings_total, done,
        fallback, failed, fallback_reasons, started_at, updated_at, finished_at)
    SELECT 'portfolio-bench-' || n, 'r', t, 'hourly', 'COMPLETED', 10000, 9750, 200, 50,
           '{"NO_ROOM_MEASUREMENT": 200}', t + interval '5 minutes', t + interval '7 minutes',
           t + interval '7 minutes'
    FROM generate_series(1, 48) n,
         LATERAL (SELECT date_trunc('hour', now()) - n * interval '1 hour' AS t) x
    """,
    """
    INSERT INTO portfolio_run_buildings (portfolio_run, building_id, status, reason, attempts,
        retryable, recorded_at)
    SELECT r.id, 'scale-' || lpad((i * 97)::text, 5, '0'), 'FAILED', 'model session failed', 3,
           true, r.finished_at
    FROM portfolio_runs r, generate_series(1, 50) i
    WHERE r.workflow_id LIKE 'portfolio-bench-%'
    """,
    "ANALYZE optimization_results, setpoint_commands, demand_predictions, portfolio_runs,"
        + " portfolio_run_buildings",
  };

  private FleetOptimizationFixture() {}

  /** Writes the optimisation unless this database has it already ({@link FleetFixture} first). */
  static synchronized void register(RunningPostgres postgres) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT EXISTS (SELECT 1 FROM portfolio_runs"
                  + " WHERE workflow_id LIKE 'portfolio-bench-%')")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
      c.setAutoCommit(false);
      for (String sql : SQL) {
        s.execute(sql);
      }
      c.commit();
    }
  }
}
