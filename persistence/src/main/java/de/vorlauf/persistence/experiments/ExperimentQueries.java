package de.vorlauf.persistence.experiments;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the admin UI reads of the experiment tracking: experiments, filtered pages of runs, a run
 * with everything it recorded, and an artifact, whose checksum is verified before it is returned.
 */
public class ExperimentQueries {

  private static final String EXPERIMENTS =
      """
      SELECT e.name, e.description, e.artifact_retention_days, e.created_at,
             count(r.id) AS runs, count(r.id) FILTER (WHERE r.status = 'RUNNING') AS running,
             max(r.started_at) AS last_started_at
      FROM experiments e LEFT JOIN experiment_runs r ON r.experiment_id = e.id
      WHERE (?::text IS NULL OR e.name = ?)
      GROUP BY e.id ORDER BY max(r.started_at) DESC NULLS LAST, e.name
      """;

  private static final String RUN_COLUMNS =
      """
      SELECT r.id, e.name AS experiment, r.run_key, r.name, r.status, r.started_at, r.ended_at,
             r.code_version, r.workflow_id, r.workflow_run_id, r.pinned
      FROM experiment_runs r JOIN experiments e ON e.id = r.experiment_id
      """;

  // a number as PostgreSQL's float8 reads it; other parameter values never meet a numeric range
  private static final String NUMERIC = "'^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$'";

  private static final String WHERE =
      """
      WHERE e.name = ?
        AND (?::text IS NULL OR r.status = ?)
        AND (?::text IS NULL OR EXISTS (SELECT 1 FROM experiment_run_tags t
             WHERE t.run_id = r.id AND t.key = ? AND (?::text IS NULL OR t.value = ?)))
        AND (?::text IS NULL OR EXISTS (SELECT 1 FROM experiment_run_params p
             WHERE p.run_id = r.id AND p.key = ? AND (?::text IS NULL OR p.value = ?)
               AND (?::float8 IS NULL OR (CASE WHEN p.value ~ %1$s THEN p.value::float8 END) >= ?)
               AND (?::float8 IS NULL OR (CASE WHEN p.value ~ %1$s THEN p.value::float8 END) <= ?)))
        AND (?::text IS NULL OR EXISTS (SELECT 1 FROM experiment_run_metrics m
             WHERE m.run_id = r.id AND m.key = ?
               AND (?::float8 IS NULL OR m.value >= ?) AND (?::float8 IS NULL OR m.value <= ?)))
      """
          .formatted(NUMERIC);

  private static final String RUNS_PAGE =
      RUN_COLUMNS + WHERE + " ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?";

  private static final String RUNS_COUNT =
      "SELECT count(*) FROM experiment_runs r JOIN experiments e ON e.id = r.experiment_id "
          + WHERE;

  private static final String RUN = RUN_COLUMNS + " WHERE r.id = ?";

  private static final String TAGS =
      "SELECT run_id, key, value FROM experiment_run_tags WHERE run_id = ANY (?::bigint[])";

  private static final String METRICS =
      "SELECT run_id, key, value FROM experiment_run_metrics WHERE run_id = ANY (?::bigint[])";

  private static final String PARAMS =
      "SELECT key, value FROM experiment_run_params WHERE run_id = ? ORDER BY key";

  private static final String STEPS =
      """
      SELECT key, step, value FROM experiment_run_metric_steps WHERE run_id = ?
      ORDER BY key, step
      """;

  private static final String ARTIFACTS =
      """
      SELECT run_id, name, media_type, size_bytes, sha256, stored_at, purged_at
      FROM experiment_run_artifacts WHERE run_id = ? ORDER BY name
      """;

  private static final String ARTIFACT =
      """
      SELECT a.run_id, a.name, a.media_type, a.size_bytes, a.sha256, a.stored_at, a.purged_at,
             a.content, r.ended_at + make_interval(days => e.artifact_retention_days) AS expires,
      """
          + ArtifactRetention.EXPIRED
          + """
           AS expired
          FROM experiment_run_artifacts a JOIN experiment_runs r ON r.id = a.run_id
          JOIN experiments e ON e.id = r.experiment_id
          WHERE a.run_id = ? AND a.name = ?
          """;

  private static final String LINEAGE =
      """
      SELECT feature_from, feature_to, building_ids, building_days, data_fingerprint, recorded_at
      FROM experiment_run_lineage WHERE run_id = ?
      """;

  private static final String ETL_RUNS =
      """
      SELECT etl_run, building_days, first_day, last_day FROM experiment_run_etl_runs
      WHERE run_id = ? ORDER BY first_day, etl_run
      """;

  private final DataSource dataSource;
  private final Clock clock;

  public ExperimentQueries(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Every experiment, the one with the latest run first. */
  public List<ExperimentSummary> experiments() throws SQLException {
    return experiments(null);
  }

  public Optional<ExperimentSummary> experiment(String name) throws SQLException {
    return experiments(name).stream().findFirst();
  }

  private List<ExperimentSummary> experiments(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(EXPERIMENTS)) {
      query.setString(1, name);
      query.setString(2, name);
      List<ExperimentSummary> result = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(
              new ExperimentSummary(
                  rs.getString("name"),
                  rs.getString("description"),
                  rs.getInt("artifact_retention_days"),
                  Sql.instant(rs, "created_at"),
                  rs.getLong("runs"),
                  rs.getLong("running"),
                  Sql.instant(rs, "last_started_at")));
        }
      }
      return result;
    }
  }

  /** A page of an experiment's runs, newest first. */
  public Page<RunSummary> runs(RunFilter filter, PageRequest page) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = c.prepareStatement(RUNS_COUNT)) {
        bindFilter(count, filter);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<RunSummary> items;
      try (PreparedStatement query = c.prepareStatement(RUNS_PAGE)) {
        int next = bindFilter(query, filter);
        query.setInt(next, page.size());
        query.setInt(next + 1, page.offset());
        items = summaries(c, query);
      }
      return new Page<>(items, page.page(), page.size(), total);
    }
  }

  public Optional<RunDetail> run(long runId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<RunSummary> found;
      try (PreparedStatement query = c.prepareStatement(RUN)) {
        query.setLong(1, runId);
        found = summaries(c, query);
      }
      if (found.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RunDetail(
              found.get(0),
              params(c, runId),
              series(c, runId),
              artifacts(c, runId),
              lineage(c, runId)));
    }
  }

  /**
   * An artifact with its content, after checking the content against the SHA-256 recorded when it
   * was logged.
   *
   * @throws ArtifactCorruptedException when they differ
   * @throws ArtifactPurgedException when retention removed it (or it expired and awaits removal)
   */
  public Optional<Artifact> artifact(long runId, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(ARTIFACT)) {
      query.setObject(1, Sql.utc(clock.instant()));
      query.setLong(2, runId);
      query.setString(3, name);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        ArtifactInfo info = artifactInfo(rs);
        if (!info.available()) {
          throw new ArtifactPurgedException(runId, name, info.purgedAt());
        }
        if (rs.getBoolean("expired")) {
          throw new ArtifactPurgedException(runId, name, Sql.instant(rs, "expires"));
        }
        byte[] content = rs.getBytes("content");
        String actual = Checksums.sha256(content);
        if (!actual.equals(info.sha256()) || content.length != info.sizeBytes()) {
          throw new ArtifactCorruptedException(runId, name, info.sha256(), actual);
        }
        return Optional.of(new Artifact(info, content));
      }
    }
  }

  private static int bindFilter(PreparedStatement s, RunFilter f) throws SQLException {
    String status = f.status() == null ? null : f.status().name();
    String paramValue = f.param() == null ? null : f.paramValue();
    int i = text(s, 1, f.experiment(), 1);
    i = text(s, i, status, 2);
    i = text(s, i, f.tag(), 2);
    i = text(s, i, f.tagValue(), 2);
    i = text(s, i, f.param(), 2);
    i = text(s, i, paramValue, 2);
    i = number(s, i, f.param() == null ? null : f.paramMin());
    i = number(s, i, f.param() == null ? null : f.paramMax());
    i = text(s, i, f.metric(), 2);
    i = number(s, i, f.metric() == null ? null : f.metricMin());
    return number(s, i, f.metric() == null ? null : f.metricMax());
  }

  /** Binds {@code value} to {@code times} positions from {@code at}; returns the next one. */
  private static int text(PreparedStatement s, int at, String value, int times)
      throws SQLException {
    for (int i = 0; i < times; i++) {
      s.setString(at + i, value);
    }
    return at + times;
  }

  private static int number(PreparedStatement s, int at, Double value) throws SQLException {
    for (int i = 0; i < 2; i++) {
      if (value == null) {
        s.setNull(at + i, Types.DOUBLE);
      } else {
        s.setDouble(at + i, value);
      }
    }
    return at + 2;
  }

  private static List<RunSummary> summaries(Connection c, PreparedStatement query)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Object[] {
              rs.getLong("id"),
              rs.getString("experiment"),
              rs.getString("run_key"),
              rs.getString("name"),
              RunStatus.valueOf(rs.getString("status")),
              Sql.instant(rs, "started_at"),
              Sql.instant(rs, "ended_at"),
              rs.getString("code_version"),
              rs.getString("workflow_id"),
              rs.getString("workflow_run_id"),
              rs.getBoolean("pinned")
            });
      }
    }
    Long[] ids = rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new);
    Map<Long, Map<String, String>> tags = new HashMap<>();
    Map<Long, Map<String, Double>> metrics = new HashMap<>();
    if (ids.length > 0) {
      try (PreparedStatement t = c.prepareStatement(TAGS)) {
        t.setArray(1, c.createArrayOf("bigint", ids));
        try (ResultSet rs = t.executeQuery()) {
          while (rs.next()) {
            tags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getString(2), rs.getString(3));
          }
        }
      }
      try (PreparedStatement m = c.prepareStatement(METRICS)) {
        m.setArray(1, c.createArrayOf("bigint", ids));
        try (ResultSet rs = m.executeQuery()) {
          while (rs.next()) {
            metrics
                .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getString(2), rs.getDouble(3));
          }
        }
      }
    }
    return rows.stream()
        .map(
            r ->
                new RunSummary(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (RunStatus) r[4],
                    (java.time.Instant) r[5],
                    (java.time.Instant) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (Boolean) r[10],
                    tags.getOrDefault((Long) r[0], Map.of()),
                    metrics.getOrDefault((Long) r[0], Map.of())))
        .toList();
  }

  private static Map<String, String> params(Connection c, long runId) throws SQLException {
    Map<String, String> params = new TreeMap<>();
    try (PreparedStatement query = c.prepareStatement(PARAMS)) {
      query.setLong(1, runId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          params.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return params;
  }

  private static Map<String, List<MetricStep>> series(Connection c, long runId)
      throws SQLException {
    Map<String, List<MetricStep>> series = new TreeMap<>();
    try (PreparedStatement query = c.prepareStatement(STEPS)) {
      query.setLong(1, runId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          series
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new MetricStep(rs.getLong(2), rs.getDouble(3)));
        }
      }
    }
    return series;
  }

  private static List<ArtifactInfo> artifacts(Connection c, long runId) throws SQLException {
    List<ArtifactInfo> artifacts = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(ARTIFACTS)) {
      query.setLong(1, runId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          artifacts.add(artifactInfo(rs));
        }
      }
    }
    return artifacts;
  }

  private static ArtifactInfo artifactInfo(ResultSet rs) throws SQLException {
    return new ArtifactInfo(
        rs.getLong("run_id"),
        rs.getString("name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        Sql.instant(rs, "stored_at"),
        Sql.instant(rs, "purged_at"));
  }

  private static Lineage lineage(Connection c, long runId) throws SQLException {
    FeatureWindow window;
    int buildingDays;
    String fingerprint;
    java.time.Instant recordedAt;
    try (PreparedStatement query = c.prepareStatement(LINEAGE)) {
      query.setLong(1, runId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        window =
            new FeatureWindow(
                rs.getObject(1, LocalDate.class),
                rs.getObject(2, LocalDate.class),
                Arrays.asList((String[]) rs.getArray(3).getArray()));
        buildingDays = rs.getInt(4);
        fingerprint = rs.getString(5);
        recordedAt = Sql.instant(rs, "recorded_at");
      }
    }
    List<Lineage.EtlRunRef> etlRuns;
    try (PreparedStatement query = c.prepareStatement(ETL_RUNS)) {
      query.setLong(1, runId);
      etlRuns = LineageRecorder.etlRuns(query);
    }
    return new Lineage(window, buildingDays, fingerprint, etlRuns, recordedAt);
  }
}
