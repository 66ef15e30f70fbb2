package de.vorlauf.workflows.selfcheck;

import io.temporal.activity.ActivityInterface;

/**
 * The probes of the platform self-check, one per service.
 *
 * <p>All are safe to retry: they only touch data owned by the probe key (the workflow ID) or
 * nothing at all. A failed probe throws; the workflow retries it a bounded number of times and then
 * reports it as not ok without failing the whole check.
 */
@ActivityInterface
public interface SelfCheckActivities {

  /**
   * Writes the row {@code probeKey} in {@code platform_probe} with a fresh random token, reads it
   * back and compares the token, and reads the database clock.
   *
   * <p>Idempotent: the write is an upsert ({@code ON CONFLICT}), so a retry updates the same row
   * with a new token and counts the write; it never adds rows.
   *
   * @param probeKey the workflow ID, unique per self-check run
   * @throws RuntimeException when the database is unreachable or returns something else than was
   *     written (retried)
   */
  DatabaseProbeOutcome probeDatabase(String probeKey);

  /**
   * Subscribes with QoS 1 to a topic unique to this attempt, publishes one QoS 1 message to it
   * carrying the publish time, and waits for it to arrive.
   *
   * <p>Idempotent: each attempt uses its own client ID and topic and leaves no session or retained
   * message behind, so a retry starts clean.
   *
   * @param probeKey the workflow ID, part of the topic
   * @throws RuntimeException when the broker is unreachable or the message does not arrive in time
   *     (retried)
   */
  MqttProbeOutcome probeMqtt(String probeKey);

  /**
   * Compares the worker clock with the clocks read by the other probes and with the Temporal
   * server's clock (the time it handed this activity to the worker), against the configured
   * threshold.
   *
   * <p>Side-effect free; a retry measures again. Skew beyond the threshold is a result ({@code ok =
   * false}), not a failure.
   */
  ProbeResult checkClocks(ClockCheckRequest request);

  /**
   * Reads what every ingesting process published about its lanes and judges backlog, lag and stalls
   * against the configured thresholds, e.g. "ingestion behind: live lane 95,000 readings queued
   * (limit 10,000), lag 4 min (limit 2 min)".
   *
   * <p>Read-only; a retry reads again. Ingestion behind is a result ({@code ok = false}), not a
   * failure; an unreachable database is a failure (retried).
   */
  ProbeResult probeIngestion();

  /**
   * Asks each configured vendor integration's polling workflow for its state and names the
   * integrations and installations that are not polling, paused, failing or lagging.
   *
   * <p>Read-only (workflow queries); a retry asks again. An integration not polling is a result,
   * not a failure.
   */
  ProbeResult probeIntegrations();
}
