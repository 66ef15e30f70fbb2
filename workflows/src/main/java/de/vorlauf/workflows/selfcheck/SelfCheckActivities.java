package de.vorlauf.workflows.selfcheck;

import io.temporal.activity.ActivityInterface;

/**
 * The probes of the platform self-check, one per service.
 *
 * <p>All three are safe to retry: they only touch data owned by the probe key (the workflow ID) or
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
}
