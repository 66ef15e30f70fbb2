package de.vorlauf.persistence.ops;

import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the fleet page adds per building shown (issue 23): the newest optimisation result (any
 * origin), the delivery state of the newest setpoint command, and whether the building FAILED in
 * the latest finished portfolio run. Read for one page of buildings at a time: one backward scan of
 * each index per building ({@code optimization_results}' unique key, {@code
 * setpoint_commands_building}), one primary-key probe of {@code portfolio_run_buildings}.
 */
public final class FleetOptimization {

  /** The newest result of a building. */
  public record Result(
      Instant asOf,
      String origin,
      double flowC,
      Double baselineFlowC,
      double savingsPct,
      String fallback,
      String fallbackReason) {}

  /** The newest command of a building. */
  public record Delivery(
      String commandId, Instant asOf, String state, String reason, int attempts, Instant at) {}

  /** A problem of the building in the latest finished portfolio run. */
  public record RunProblem(long runId, String status, String reason) {}

  /** Each part null when there is none. */
  public record Latest(Result result, Delivery delivery, RunProblem lastRun) {}

  // package-private: FleetOptimizationIT checks its plan
  static final String LATEST =
      """
      WITH last_run AS (
          SELECT id FROM portfolio_runs WHERE finished_at IS NOT NULL
          ORDER BY started_at DESC LIMIT 1)
      SELECT b.id, r.as_of, r.origin, r.recommended_flow_c, r.baseline_flow_c,
             r.predicted_savings_pct, r.fallback, r.fallback_reason,
             c.command_id, c.as_of AS command_as_of, c.state, c.reason, c.attempts,
             coalesce(c.settled_at, c.last_sent_at, c.queued_at) AS command_at,
             f.portfolio_run, f.status, f.reason AS run_reason
      FROM unnest(?::text[]) AS b(id)
      LEFT JOIN LATERAL (
          SELECT * FROM optimization_results x WHERE x.building_id = b.id
          ORDER BY x.as_of DESC, x.created_at DESC LIMIT 1) r ON true
      LEFT JOIN LATERAL (
          SELECT * FROM setpoint_commands x WHERE x.building_id = b.id
          ORDER BY x.as_of DESC, x.queued_at DESC LIMIT 1) c ON true
      LEFT JOIN portfolio_run_buildings f
          ON f.portfolio_run = (SELECT id FROM last_run) AND f.building_id = b.id
      """;

  private final DataSource dataSource;

  public FleetOptimization(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Per building id; buildings without result, command or problem are left out. */
  public Map<String, Latest> latest(List<String> buildingIds) throws SQLException {
    Map<String, Latest> latest = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(LATEST)) {
      statement.setArray(1, c.createArrayOf("text", buildingIds.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Latest row = row(rs);
          if (row.result() != null || row.delivery() != null || row.lastRun() != null) {
            latest.put(rs.getString("id"), row);
          }
        }
      }
    }
    return latest;
  }

  private static Latest row(ResultSet rs) throws SQLException {
    Instant asOf = SqlTime.instant(rs, "as_of");
    Result result = null;
    if (asOf != null) {
      double baselineValue = rs.getDouble("baseline_flow_c");
      Double baseline = rs.wasNull() ? null : baselineValue;
      result =
          new Result(
              asOf,
              rs.getString("origin"),
              rs.getDouble("recommended_flow_c"),
              baseline,
              rs.getDouble("predicted_savings_pct"),
              rs.getString("fallback"),
              rs.getString("fallback_reason"));
    }
    String commandId = rs.getString("command_id");
    Delivery delivery =
        commandId == null
            ? null
            : new Delivery(
                commandId,
                SqlTime.instant(rs, "command_as_of"),
                rs.getString("state"),
                rs.getString("reason"),
                rs.getInt("attempts"),
                SqlTime.instant(rs, "command_at"));
    long run = rs.getLong("portfolio_run");
    RunProblem problem =
        rs.wasNull()
            ? null
            : new RunProblem(run, rs.getString("status"), rs.getString("run_reason"));
    return new Latest(result, delivery, problem);
  }
}
