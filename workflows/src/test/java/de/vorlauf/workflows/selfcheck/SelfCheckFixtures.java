package de.vorlauf.workflows.selfcheck;

import java.time.Instant;

/** Real-shaped activity results, as the activities return them against live services. */
final class SelfCheckFixtures {

  static final Instant T0 = Instant.parse("2026-11-26T07:00:00.100Z");

  private SelfCheckFixtures() {}

  static DatabaseProbeOutcome databaseOk() {
    return new DatabaseProbeOutcome(
        4,
        "PostgreSQL 15.19: wrote and read back probe row (write #1)",
        new ClockReading("database", T0.plusMillis(2), T0, T0.plusMillis(4)));
  }

  static MqttProbeOutcome mqttOk() {
    return new MqttProbeOutcome(
        3,
        "QoS 1 publish→receive via tcp://127.0.0.1:11883 in 3 ms",
        new ClockReading("mqtt message", T0.plusMillis(10), T0.plusMillis(10), T0.plusMillis(13)));
  }

  static ProbeResult clockOk() {
    return new ProbeResult(
        ProbeResult.CLOCK,
        true,
        "clocks agree within threshold 2000 ms: database vs worker: +0 ms ± 2 ms (within)",
        null);
  }

  static ProbeResult ingestionOk() {
    return new ProbeResult(
        ProbeResult.INGESTION,
        true,
        "ingestion keeps up: live lane 0 readings queued, 0 messages in flight, lag 1.2 s; backlog"
            + " lane 0 readings queued, 0 messages in flight, nothing committed yet — 1 process"
            + " reporting (4711@worker-1)",
        null);
  }

  static ProbeResult integrationsOk() {
    return new ProbeResult(
        ProbeResult.INTEGRATIONS, true, "no vendor integrations configured", null);
  }
}
