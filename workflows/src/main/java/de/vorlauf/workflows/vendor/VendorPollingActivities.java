package de.vorlauf.workflows.vendor;

import io.temporal.activity.ActivityInterface;

/**
 * Talks to a vendor cloud on behalf of {@link IngestionPollingWorkflow}. Credentials are looked up
 * by integration id inside the worker; readings go straight into the ingest pipeline. Only ids,
 * cursors and counts cross the workflow boundary.
 *
 * <p>Failures are {@code ApplicationFailure}s: type {@value #CONFIGURATION} is not retryable (bad
 * client secret, unknown integration, unreadable secret file); type {@value #RATE_LIMITED} carries
 * the cloud's {@code Retry-After} as the next retry delay; everything else (5xx, timeouts, the
 * database) is retried with backoff.
 */
@ActivityInterface
public interface VendorPollingActivities {

  String CONFIGURATION = "VendorConfiguration";
  String RATE_LIMITED = "VendorRateLimited";
  String UNAVAILABLE = "VendorUnavailable";

  /** Lists the installations the integration's client sees. Read-only; safe to retry. */
  Installations listInstallations(String integrationId);

  /**
   * Fetches the history of every mapped feature of the installation's devices after the cursor,
   * stores it through the ingest pipeline and returns the new cursor: the newest time up to which
   * every fetched reading is committed (quarantined readings count as handled).
   *
   * <p>Idempotent: readings are keyed in the store, so polling the same range again stores nothing
   * twice and reports the repeats as duplicates. It heartbeats its committed progress; a retry
   * resumes from the last heartbeat. A failure after partial progress carries that progress as a
   * {@link PollResult} in its details.
   */
  PollResult pollInstallation(PollRequest request);
}
