package de.vorlauf.persistence.portfolio;

import de.vorlauf.persistence.jdbc.SqlTime;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portfolio page's reads of the hourly portfolio optimisation's run summaries ({@code
 * portfolio_runs}, {@code portfolio_run_buildings}, V161): runs newest first a page at a time (the
 * {@code portfolio_runs_started} index), one run, and a run's per-building problems (its primary
 * key). The workflow writes them; nothing here changes a row.
 */
public final class PortfolioRunQueries {

  // fallback_reasons as two arrays in key order: no JSON library in this module
  private static final String COLUMNS =
      """
      r.id, r.workflow_id, r.run_id, r.as_of, r.origin, r.state, r.buildings_total, r.done,
      r.fallback, r.skipped, r.failed, r.started_at, r.updated_at, r.finished_at, r.error,
      ARRAY(SELECT k FROM jsonb_each_text(r.fallback_reasons) e(k, v) ORDER BY k) AS reasons,
      ARRAY(SELECT v::bigint FROM jsonb_each_text(r.fallback_reasons) e(k, v) ORDER BY k)
          AS reason_counts
      """;

  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + ", count(*) OVER () AS total FROM portfolio_runs r"
          + " ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?";

  private static final String ONE = "SELECT " + COLUMNS + " FROM portfolio_runs r WHERE r.id = ?";

  private static final String PROBLEMS =
      """
      SELECT building_id, status, reason, attempts, retryable, recorded_at,
             count(*) OVER () AS total
      FROM portfolio_run_buildings
      WHERE portfolio_run = ? AND (?::text IS NULL OR status = ?)
      ORDER BY building_id
      LIMIT ? OFFSET ?
      """;

  private final DataSource dataSource;

  public PortfolioRunQueries(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Runs, the newest start first. */
  public Page<PortfolioRun> runs(PageRequest page) throws SQLException {
    List<PortfolioRun> runs = new ArrayList<>();
    long total = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PAGE)) {
      statement.setInt(1, page.size());
      statement.setInt(2, page.offset());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          runs.add(run(rs));
          total = rs.getLong("total");
        }
      }
    }
    if (runs.isEmpty() && page.page() > 0) {
      // past the last page the window saw no row
      total = runs(new PageRequest(0, 1)).total();
    }
    return new Page<>(runs, page.page(), page.size(), total);
  }

  public Optional<PortfolioRun> run(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(ONE)) {
      statement.setLong(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(run(rs)) : Optional.empty();
      }
    }
  }

  /**
   * A run's buildings that failed or were skipped, by building id.
   *
   * @param status {@code FAILED}, {@code SKIPPED}, or null for both
   */
  public Page<PortfolioRun.Problem> problems(long runId, String status, PageRequest page)
      throws SQLException {
    List<PortfolioRun.Problem> problems = new ArrayList<>();
    long total = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PROBLEMS)) {
      statement.setLong(1, runId);
      statement.setString(2, status);
      statement.setString(3, status);
      statement.setInt(4, page.size());
      statement.setInt(5, page.offset());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          problems.add(
              new PortfolioRun.Problem(
                  rs.getString("building_id"),
                  rs.getString("status"),
                  rs.getString("reason"),
                  rs.getInt("attempts"),
                  rs.getBoolean("retryable"),
                  SqlTime.instant(rs, "recorded_at")));
          total = rs.getLong("total");
        }
      }
    }
    if (problems.isEmpty() && page.page() > 0) {
      total = problems(runId, status, new PageRequest(0, 1)).total();
    }
    return new Page<>(problems, page.page(), page.size(), total);
  }

  private static PortfolioRun run(ResultSet rs) throws SQLException {
    Map<String, Long> reasons = new LinkedHashMap<>();
    Array keys = rs.getArray("reasons");
    Array counts = rs.getArray("reason_counts");
    try {
      String[] k = (String[]) keys.getArray();
      Long[] v = (Long[]) counts.getArray();
      for (int i = 0; i < k.length; i++) {
        reasons.put(k[i], v[i]);
      }
    } finally {
      keys.free();
      counts.free();
    }
    return new PortfolioRun(
        rs.getLong("id"),
        rs.getString("workflow_id"),
        rs.getString("run_id"),
        SqlTime.instant(rs, "as_of"),
        rs.getString("origin"),
        rs.getString("state"),
        rs.getInt("buildings_total"),
        rs.getInt("done"),
        rs.getInt("fallback"),
        rs.getInt("skipped"),
        rs.getInt("failed"),
        reasons,
        SqlTime.instant(rs, "started_at"),
        SqlTime.instant(rs, "updated_at"),
        SqlTime.instant(rs, "finished_at"),
        rs.getString("error"));
  }
}
