package de.vorlauf.persistence.experiments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ExperimentTracker} on PostgreSQL (V105); the retry rules are the interface's. */
public final class JdbcExperimentTracker implements ExperimentTracker {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcExperimentTracker.class);

  private static final String ENSURE_EXPERIMENT =
      """
      INSERT INTO experiments (name, description, artifact_retention_days) VALUES (?, ?, ?)
      ON CONFLICT (name) DO NOTHING
      """;

  // the insert's RETURNING is empty when the key exists; the second branch finds that run (in the
  // rare race of two first attempts, neither sees the other's row: the caller tries once more)
  private static final String START_RUN =
      """
      WITH inserted AS (
        INSERT INTO experiment_runs (experiment_id, run_key, name, started_at, code_version,
                                     workflow_id, workflow_run_id)
        SELECT id, ?, ?, ?, ?, ?, ? FROM experiments WHERE name = ?
        ON CONFLICT (run_key) DO NOTHING
        RETURNING id, experiment_id, status, started_at)
      SELECT i.id, e.name, i.status, i.started_at, false AS resumed
      FROM inserted i JOIN experiments e ON e.id = i.experiment_id
      UNION ALL
      SELECT r.id, e.name, r.status, r.started_at, true
      FROM experiment_runs r JOIN experiments e ON e.id = r.experiment_id
      WHERE r.run_key = ? AND NOT EXISTS (SELECT 1 FROM inserted)
      """;

  private static final String RUN_EXISTS = "SELECT status FROM experiment_runs WHERE id = ?";

  private static final String INSERT_PARAMS =
      """
      INSERT INTO experiment_run_params (run_id, key, value)
      SELECT ?, k, v FROM unnest(?::text[], ?::text[]) AS t(k, v)
      ON CONFLICT (run_id, key) DO NOTHING
      """;

  private static final String STORED_PARAMS =
      "SELECT key, value FROM experiment_run_params WHERE run_id = ? AND key = ANY (?::text[])";

  private static final String UPSERT_TAGS =
      """
      INSERT INTO experiment_run_tags (run_id, key, value)
      SELECT ?, k, v FROM unnest(?::text[], ?::text[]) AS t(k, v)
      ON CONFLICT (run_id, key) DO UPDATE SET value = EXCLUDED.value
      """;

  private static final String UPSERT_METRIC =
      """
      INSERT INTO experiment_run_metrics (run_id, key, value, logged_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (run_id, key) DO UPDATE SET value = EXCLUDED.value, logged_at = EXCLUDED.logged_at
      """;

  private static final String UPSERT_STEPS =
      """
      INSERT INTO experiment_run_metric_steps (run_id, key, step, value, logged_at)
      SELECT ?, ?, s, v, ? FROM unnest(?::bigint[], ?::float8[]) AS t(s, v)
      ON CONFLICT (run_id, key, step)
      DO UPDATE SET value = EXCLUDED.value, logged_at = EXCLUDED.logged_at
      """;

  private static final String UPSERT_ARTIFACT =
      """
      INSERT INTO experiment_run_artifacts (run_id, name, media_type, size_bytes, sha256, content,
                                            stored_at, purged_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
      ON CONFLICT (run_id, name) DO UPDATE
      SET media_type = EXCLUDED.media_type, size_bytes = EXCLUDED.size_bytes,
          sha256 = EXCLUDED.sha256, content = EXCLUDED.content, stored_at = EXCLUDED.stored_at,
          purged_at = NULL
      """;

  private static final String FINISH =
      """
      UPDATE experiment_runs SET status = ?, ended_at = greatest(?, started_at)
      WHERE id = ? AND status = 'RUNNING'
      """;

  private static final String PIN = "UPDATE experiment_runs SET pinned = ? WHERE id = ?";

  private final DataSource dataSource;
  private final Clock clock;
  private final LineageRecorder lineage = new LineageRecorder();

  public JdbcExperimentTracker(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public void ensureExperiment(String name, String description, int artifactRetentionDays)
      throws SQLException {
    if (artifactRetentionDays < 1) {
      throw new IllegalArgumentException("artifact retention must be 1 day or more");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(ENSURE_EXPERIMENT)) {
      insert.setString(1, Keys.experiment(name));
      insert.setString(2, description);
      insert.setInt(3, artifactRetentionDays);
      insert.executeUpdate();
    }
  }

  @Override
  public TrackedRun startRun(RunStart start) throws SQLException {
    Keys.experiment(start.experiment());
    ensureExperiment(start.experiment(), null, 90);
    for (int attempt = 0; attempt < 2; attempt++) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement statement = c.prepareStatement(START_RUN)) {
        statement.setString(1, start.runKey());
        statement.setString(2, start.name());
        statement.setObject(3, Sql.utc(clock.instant()));
        statement.setString(4, start.codeVersion());
        statement.setString(5, start.workflowId());
        statement.setString(6, start.workflowRunId());
        statement.setString(7, start.experiment());
        statement.setString(8, start.runKey());
        try (ResultSet rs = statement.executeQuery()) {
          if (rs.next()) {
            TrackedRun run =
                new TrackedRun(
                    rs.getLong("id"),
                    rs.getString("name"),
                    start.runKey(),
                    RunStatus.valueOf(rs.getString("status")),
                    Sql.instant(rs, "started_at"),
                    rs.getBoolean("resumed"));
            if (!run.experiment().equals(start.experiment())) {
              throw new IllegalArgumentException(
                  "run key '"
                      + start.runKey()
                      + "' belongs to experiment '"
                      + run.experiment()
                      + "', not '"
                      + start.experiment()
                      + "'");
            }
            if (run.resumed()) {
              LOG.info("run {} ({}) resumed by a retry", run.id(), start.runKey());
            }
            return run;
          }
        }
      }
    }
    throw new SQLException("run '" + start.runKey() + "' was neither inserted nor found");
  }

  @Override
  public void logParams(long runId, Map<String, String> params) throws SQLException {
    if (params.isEmpty()) {
      return;
    }
    params.forEach((key, value) -> Objects.requireNonNull(value, "value of " + key));
    String[] keys = params.keySet().stream().map(Keys::key).toArray(String[]::new);
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      upsertKeyValues(c, INSERT_PARAMS, runId, params);
      try (PreparedStatement stored = c.prepareStatement(STORED_PARAMS)) {
        stored.setLong(1, runId);
        stored.setArray(2, c.createArrayOf("text", keys));
        try (ResultSet rs = stored.executeQuery()) {
          while (rs.next()) {
            String given = params.get(rs.getString(1));
            if (!given.equals(rs.getString(2))) {
              throw new ParamConflictException(runId, rs.getString(1), rs.getString(2), given);
            }
          }
        }
      }
    }
  }

  @Override
  public void setTags(long runId, Map<String, String> tags) throws SQLException {
    if (tags.isEmpty()) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    tags.forEach((key, value) -> values.put(Keys.key(key), Objects.requireNonNullElse(value, "")));
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      upsertKeyValues(c, UPSERT_TAGS, runId, values);
    }
  }

  @Override
  public void logMetric(long runId, String key, double value) throws SQLException {
    Keys.key(key);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric " + key + " must be finite, not " + value);
    }
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_METRIC)) {
        upsert.setLong(1, runId);
        upsert.setString(2, key);
        upsert.setDouble(3, value);
        upsert.setObject(4, Sql.utc(clock.instant()));
        upsert.executeUpdate();
      }
    }
  }

  @Override
  public void logMetricSteps(long runId, String key, List<MetricStep> steps) throws SQLException {
    Keys.key(key);
    if (steps.isEmpty()) {
      return;
    }
    // one statement cannot update a row twice: a step given twice counts once, the last value
    Map<Long, Double> byStep = new LinkedHashMap<>();
    steps.forEach(s -> byStep.put(s.step(), s.value()));
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_STEPS)) {
        upsert.setLong(1, runId);
        upsert.setString(2, key);
        upsert.setObject(3, Sql.utc(clock.instant()));
        upsert.setArray(4, c.createArrayOf("bigint", byStep.keySet().toArray()));
        upsert.setArray(5, c.createArrayOf("float8", byStep.values().toArray()));
        upsert.executeUpdate();
      }
    }
  }

  @Override
  public ArtifactInfo logArtifact(long runId, String name, String mediaType, byte[] content)
      throws SQLException {
    Keys.artifact(name);
    Objects.requireNonNull(mediaType, "mediaType");
    if (content.length > MAX_ARTIFACT_BYTES) {
      throw new IllegalArgumentException(
          "artifact " + name + " has " + content.length + " bytes; at most 64 MiB are stored");
    }
    String sha256 = Checksums.sha256(content);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_ARTIFACT)) {
        upsert.setLong(1, runId);
        upsert.setString(2, name);
        upsert.setString(3, mediaType);
        upsert.setLong(4, content.length);
        upsert.setString(5, sha256);
        upsert.setBytes(6, content);
        upsert.setObject(7, Sql.utc(now));
        upsert.executeUpdate();
      }
    }
    return new ArtifactInfo(runId, name, mediaType, content.length, sha256, now, null);
  }

  @Override
  public Lineage recordLineage(long runId, FeatureWindow window, String dataFingerprint)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      requireRun(c, runId);
      c.setAutoCommit(false);
      try {
        Lineage recorded = lineage.record(c, runId, window, dataFingerprint, clock.instant());
        c.commit();
        return recorded;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  @Override
  public void finishRun(long runId, RunStatus status) throws SQLException {
    if (!status.terminal()) {
      throw new IllegalArgumentException(
          "a run finishes FINISHED, FAILED or KILLED, not " + status);
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement finish = c.prepareStatement(FINISH)) {
        finish.setString(1, status.name());
        finish.setObject(2, Sql.utc(now));
        finish.setLong(3, runId);
        if (finish.executeUpdate() == 0) {
          RunStatus current = requireRun(c, runId);
          LOG.info("run {} ended already ({}); finish {} ignored", runId, current, status);
        }
      }
      int purged = ArtifactRetention.purgeExpired(c, now);
      if (purged > 0) {
        LOG.info("retention removed the content of {} artifact(s)", purged);
      }
    }
  }

  @Override
  public void pin(long runId, boolean pinned) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement pin = c.prepareStatement(PIN)) {
      pin.setBoolean(1, pinned);
      pin.setLong(2, runId);
      if (pin.executeUpdate() == 0) {
        throw new UnknownRunException(runId);
      }
    }
  }

  /** Runs {@code sql} with (run, keys[], values[]): one statement for the whole map. */
  private static void upsertKeyValues(
      Connection c, String sql, long runId, Map<String, String> values) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement(sql)) {
      upsert.setLong(1, runId);
      upsert.setArray(2, c.createArrayOf("text", values.keySet().toArray()));
      upsert.setArray(3, c.createArrayOf("text", values.values().toArray()));
      upsert.executeUpdate();
    }
  }

  private static RunStatus requireRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement(RUN_EXISTS)) {
      exists.setLong(1, runId);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownRunException(runId);
        }
        return RunStatus.valueOf(rs.getString(1));
      }
    }
  }
}
