package de.vorlauf.workflows.etl;

import io.temporal.activity.ActivityInterface;

/**
 * The ETL's access to the database, for {@link NightlyEtlWorkflow}. Only building ids, dates and
 * counts cross the workflow boundary; readings and features stay in the worker.
 */
@ActivityInterface
public interface EtlActivities {

  /** Failure type of a backfill that is refused (range too long, older than raw retention). */
  String REFUSED = "EtlRefused";

  /**
   * Checks the request and counts its building-days. Read-only; safe to retry. A backfill over more
   * than a year, reaching back beyond the raw readings' retention or naming unknown buildings fails
   * with a non-retryable {@code ApplicationFailure} of type {@value #REFUSED} whose message says
   * why.
   */
  EtlPlan plan(EtlRequest request);

  /** The next active building ids after {@code afterBuildingId} (null: the first). Read-only. */
  BuildingPage activeBuildings(String afterBuildingId, int limit);

  /**
   * Computes and writes the features of the batch's building-days, one building-day at a time, each
   * in its own transaction that replaces the day: a retry or a re-run replaces, never duplicates. A
   * building-day that fails is tried a few times and then reported in the result with its error; it
   * never fails the batch. Heartbeats its progress after every building-day; a retry (worker
   * restart, timeout) resumes after the last heartbeat.
   */
  EtlBatchResult processBatch(EtlBatch batch);

  /**
   * Drops features, and the worker's other derived data (optimisation results and predictions),
   * older than their configured retention. Idempotent.
   */
  void applyRetention(java.time.Instant asOf);
}
