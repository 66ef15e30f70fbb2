package de.vorlauf.persistence.experiments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The retention rule of artifacts: the content of a run's artifacts is kept until the run has been
 * ended for its experiment's {@code artifact_retention_days} (default 90); a running or pinned run
 * keeps them. Removing keeps the row (name, size, checksum, when it was removed): the run still
 * says what it produced. A run registered as a model version keeps them too. Applied whenever a run
 * finishes ({@link ExperimentTracker#finishRun}, so training itself keeps the table small) and on
 * every read ({@link ExperimentQueries#artifact}, which refuses an expired artifact that was not
 * removed yet).
 */
public final class ArtifactRetention {

  /**
   * The condition, over runs {@code r} joined with experiments {@code e}, at time {@code ?}. A run
   * registered as a model version keeps its artifacts like a pinned one: the registry serves the
   * version's files from them, and a champion must not lose its graph to retention.
   */
  static final String EXPIRED =
      """
      (NOT r.pinned AND r.ended_at IS NOT NULL
       AND r.ended_at + make_interval(days => e.artifact_retention_days) <= ?
       AND NOT EXISTS (SELECT 1 FROM model_versions v WHERE v.run_id = r.id))
      """;

  private static final String PURGE =
      """
      UPDATE experiment_run_artifacts a SET content = NULL, purged_at = ?
      FROM experiment_runs r JOIN experiments e ON e.id = r.experiment_id
      WHERE a.run_id = r.id AND a.purged_at IS NULL AND
      """
          + EXPIRED;

  private ArtifactRetention() {}

  /** Removes the content of every expired artifact; returns how many. */
  public static int purgeExpired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement purge = c.prepareStatement(PURGE)) {
      purge.setObject(1, Sql.utc(now));
      purge.setObject(2, Sql.utc(now));
      return purge.executeUpdate();
    }
  }
}
