package de.vorlauf.persistence.portfolio;

import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portfolio runs' summaries ({@code portfolio_runs}, {@code portfolio_run_buildings}, V161),
 * written by the run's activities: {@link #begin} when it starts, {@link #record} after its batches
 * and when it ends. Every write is idempotent, so an activity retry changes nothing: the counts are
 * absolute, a problem building replaces its earlier row, and a finished run is never changed again.
 */
public final class PortfolioRunStore {

  /** A run's counts as the workflow holds them; {@code fallbackReasons}: cause → buildings. */
  public record Counts(
      int buildingsTotal,
      int done,
      int fallback,
      int skipped,
      int failed,
      Map<String, Integer> fallbackReasons) {

    public Counts {
      fallbackReasons = fallbackReasons == null ? Map.of() : Map.copyOf(fallbackReasons);
    }
  }

  /** A row of {@code portfolio_run_buildings}; status FAILED or SKIPPED. */
  public record Problem(
      String buildingId, String status, String reason, int attempts, boolean retryable) {}

  /** The run as written; {@code finishedAt} and {@code error} null while it runs. */
  public record Run(
      long id,
      String workflowId,
      String runId,
      Instant asOf,
      String origin,
      String state,
      Counts counts,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      String error) {

    public Duration duration() {
      return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
  }

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  private static final String BEGIN =
      """
      INSERT INTO portfolio_runs (workflow_id, run_id, as_of, origin, state, buildings_total,
                                  started_at, updated_at)
      VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)
      ON CONFLICT (workflow_id, run_id) DO UPDATE SET workflow_id = EXCLUDED.workflow_id
      RETURNING id
      """;

  private static final String MARK_STALE =
      """
      UPDATE portfolio_runs
      SET state = 'FAILED', finished_at = ?, updated_at = ?, error = ?
      WHERE state = 'RUNNING' AND updated_at < ? AND NOT (workflow_id = ? AND run_id = ?)
      """;

  // counts absolute, so a retried write writes the same numbers; a finished run stays as it was
  private static final String UPDATE =
      """
      UPDATE portfolio_runs
      SET buildings_total = ?, done = ?, fallback = ?, skipped = ?, failed = ?,
          fallback_reasons = (SELECT coalesce(jsonb_object_agg(k, n), '{}')
                              FROM unnest(?::text[], ?::int[]) AS r(k, n)),
          state = ?, updated_at = ?, finished_at = ?, error = ?
      WHERE id = ? AND state = 'RUNNING'
      """;

  private static final String PROBLEMS =
      """
      INSERT INTO portfolio_run_buildings
          (portfolio_run, building_id, status, reason, attempts, retryable, recorded_at)
      SELECT ?, b, s, r, a, x, ?
      FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::boolean[]) AS p(b, s, r, a, x)
      ON CONFLICT (portfolio_run, building_id) DO UPDATE
      SET status = EXCLUDED.status, reason = EXCLUDED.reason, attempts = EXCLUDED.attempts,
          retryable = EXCLUDED.retryable, recorded_at = EXCLUDED.recorded_at
      """;

  private static final String FIND =
      """
      SELECT id, workflow_id, run_id, as_of, origin, state, buildings_total, done, fallback,
             skipped, failed, fallback_reasons::text AS reasons, started_at, updated_at,
             finished_at, error
      FROM portfolio_runs WHERE id = ?
      """;

  private static final String REASONS = "SELECT key, value::int FROM jsonb_each(?::jsonb)";

  private static final String PROBLEMS_OF =
      """
      SELECT building_id, status, reason, attempts, retryable
      FROM portfolio_run_buildings WHERE portfolio_run = ? ORDER BY building_id
      """;

  private final DataSource dataSource;

  public PortfolioRunStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The run's row, created RUNNING with {@code buildingsTotal} or found (a retry); its id.
   *
   * @param now the start time written, and the updated time
   */
  public long begin(
      String workflowId, String runId, Instant asOf, String origin, int buildingsTotal, Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(BEGIN)) {
      statement.setString(1, workflowId);
      statement.setString(2, runId);
      statement.setObject(3, SqlTime.utc(asOf));
      statement.setString(4, origin);
      statement.setInt(5, buildingsTotal);
      statement.setObject(6, SqlTime.utc(now));
      statement.setObject(7, SqlTime.utc(now));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Marks runs FAILED that are RUNNING and were last updated before {@code before} (their workflow
   * was terminated or timed out, so nothing else will finish them), except the calling run.
   *
   * @return the runs marked
   */
  public int markStale(Instant before, String workflowId, String runId, Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(MARK_STALE)) {
      statement.setObject(1, SqlTime.utc(now));
      statement.setObject(2, SqlTime.utc(now));
      statement.setString(
          3, "the run stopped without finishing (terminated or timed out); marked by a later run");
      statement.setObject(4, SqlTime.utc(before));
      statement.setString(5, workflowId);
      statement.setString(6, runId);
      return statement.executeUpdate();
    }
  }

  /**
   * Writes the counts and adds the problem buildings, in one transaction; {@code state} RUNNING
   * keeps the run open, COMPLETED or FAILED finish it at {@code now} with {@code error}.
   *
   * @return the run as it is now, or empty if it does not exist
   */
  public Optional<Run> record(
      long runKey, Counts counts, List<Problem> problems, String state, String error, Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean open = update(c, runKey, counts, state, error, now) == 1;
        if (open && !problems.isEmpty()) {
          insertProblems(c, runKey, problems, now);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return find(runKey);
  }

  private static int update(
      Connection c, long runKey, Counts counts, String state, String error, Instant now)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
      List<String> causes = List.copyOf(counts.fallbackReasons().keySet());
      statement.setInt(1, counts.buildingsTotal());
      statement.setInt(2, counts.done());
      statement.setInt(3, counts.fallback());
      statement.setInt(4, counts.skipped());
      statement.setInt(5, counts.failed());
      statement.setArray(6, c.createArrayOf("text", causes.toArray()));
      statement.setArray(
          7,
          c.createArrayOf("integer", causes.stream().map(counts.fallbackReasons()::get).toArray()));
      statement.setString(8, state);
      statement.setObject(9, SqlTime.utc(now));
      statement.setObject(10, RUNNING.equals(state) ? null : SqlTime.utc(now));
      statement.setString(11, error);
      statement.setLong(12, runKey);
      return statement.executeUpdate();
    }
  }

  private static void insertProblems(Connection c, long runKey, List<Problem> problems, Instant now)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(PROBLEMS)) {
      statement.setLong(1, runKey);
      statement.setObject(2, SqlTime.utc(now));
      statement.setArray(
          3, c.createArrayOf("text", problems.stream().map(Problem::buildingId).toArray()));
      statement.setArray(
          4, c.createArrayOf("text", problems.stream().map(Problem::status).toArray()));
      statement.setArray(
          5, c.createArrayOf("text", problems.stream().map(Problem::reason).toArray()));
      statement.setArray(
          6, c.createArrayOf("integer", problems.stream().map(Problem::attempts).toArray()));
      statement.setArray(
          7, c.createArrayOf("boolean", problems.stream().map(Problem::retryable).toArray()));
      statement.executeUpdate();
    }
  }

  /** The run, or empty. */
  public Optional<Run> find(long runKey) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(FIND)) {
      statement.setLong(1, runKey);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Run(
                rs.getLong("id"),
                rs.getString("workflow_id"),
                rs.getString("run_id"),
                SqlTime.instant(rs, "as_of"),
                rs.getString("origin"),
                rs.getString("state"),
                new Counts(
                    rs.getInt("buildings_total"),
                    rs.getInt("done"),
                    rs.getInt("fallback"),
                    rs.getInt("skipped"),
                    rs.getInt("failed"),
                    reasons(c, rs.getString("reasons"))),
                SqlTime.instant(rs, "started_at"),
                SqlTime.instant(rs, "updated_at"),
                SqlTime.instant(rs, "finished_at"),
                rs.getString("error")));
      }
    }
  }

  private static Map<String, Integer> reasons(Connection c, String json) throws SQLException {
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    try (PreparedStatement statement = c.prepareStatement(REASONS)) {
      statement.setString(1, json);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          reasons.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return reasons;
  }

  /** The run's problem buildings, by id. */
  public List<Problem> problems(long runKey) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PROBLEMS_OF)) {
      statement.setLong(1, runKey);
      List<Problem> problems = new java.util.ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          problems.add(
              new Problem(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getBoolean(5)));
        }
      }
      return problems;
    }
  }
}
