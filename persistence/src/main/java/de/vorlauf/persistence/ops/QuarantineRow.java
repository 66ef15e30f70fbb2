package de.vorlauf.persistence.ops;

import java.time.Instant;

/**
 * One quarantined part of a message.
 *
 * @param payload the raw payload (capped), only when one row is asked for
 * @param payloadComplete false when the payload was cut or re-encoded: it cannot be re-ingested
 */
public record QuarantineRow(
    long id,
    Instant receivedAt,
    String source,
    String deviceId,
    String topic,
    String reason,
    String detail,
    String sensorId,
    boolean payloadComplete,
    String payload) {}
