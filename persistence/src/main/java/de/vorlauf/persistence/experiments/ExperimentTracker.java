package de.vorlauf.persistence.experiments;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the training activities record about a run: parameters, metrics, tags, artifacts and
 * lineage, in Vorlauf's own database (MLflow's {@code log_params}, {@code log_metrics}, {@code
 * log_artifact}). Thread-safe; one instance per process.
 *
 * <p><b>Retries.</b> Every call is idempotent, so an activity that fails half-way and is retried by
 * Temporal can simply log everything again:
 *
 * <ul>
 *   <li>{@link #startRun} finds the run of an existing {@link RunStart#runKey()} again instead of
 *       starting a second one (start time, workflow and code version stay the first attempt's);
 *   <li>a parameter is keyed by (run, key): the same value again is a no-op, another value is
 *       refused with {@link ParamConflictException};
 *   <li>a metric is keyed by (run, key), a step of a series by (run, key, step): a retry replaces
 *       the value of the failed attempt, it never adds a second point;
 *   <li>an artifact is keyed by (run, name): logged again it replaces the content (the retry's
 *       model is the one that counts), with its new checksum;
 *   <li>tags and lineage are replaced; {@link #finishRun} of a run that ended already keeps its
 *       first end.
 * </ul>
 *
 * <p>Throws {@link SQLException} when the database fails (retryable), {@link UnknownRunException}
 * for a run id that does not exist and {@link IllegalArgumentException} for bad input (not
 * retryable: the same input fails again).
 */
public interface ExperimentTracker {

  /** The largest artifact the tracker stores. */
  int MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;

  /**
   * Creates the experiment if it does not exist, with its artifact retention in days; an existing
   * one keeps its description and retention.
   */
  void ensureExperiment(String name, String description, int artifactRetentionDays)
      throws SQLException;

  /** Starts a run (creating its experiment with defaults if needed), or finds it again. */
  TrackedRun startRun(RunStart start) throws SQLException;

  void logParams(long runId, Map<String, String> params) throws SQLException;

  void setTags(long runId, Map<String, String> tags) throws SQLException;

  /** A single value, e.g. the holdout RMSE. */
  void logMetric(long runId, String key, double value) throws SQLException;

  /** Points of a stepped series, e.g. the loss per epoch: one statement for all of them. */
  void logMetricSteps(long runId, String key, List<MetricStep> steps) throws SQLException;

  /**
   * Stores a file of the run with its SHA-256 and size.
   *
   * @param name a path-like name, e.g. {@code model/heat-demand.onnx}
   */
  ArtifactInfo logArtifact(long runId, String name, String mediaType, byte[] content)
      throws SQLException;

  /**
   * Records the data the run trained on: the window, the ETL runs that wrote its features (copied
   * from the ETL's bookkeeping now, so later re-runs of the ETL do not change what this run names)
   * and a fingerprint of the data.
   *
   * @param dataFingerprint the caller's fingerprint of the rows it read; null: one computed from
   *     the ETL's bookkeeping of the window (building, day, ETL run, time, row counts)
   * @return the lineage as recorded
   */
  Lineage recordLineage(long runId, FeatureWindow window, String dataFingerprint)
      throws SQLException;

  /**
   * Ends a running run with a terminal status. A run that has ended already keeps its status and
   * end time; the call is a no-op. Also removes the artifact contents retention has expired.
   */
  void finishRun(long runId, RunStatus status) throws SQLException;

  /** Keeps or stops keeping a run's artifacts beyond the experiment's retention. */
  void pin(long runId, boolean pinned) throws SQLException;
}
