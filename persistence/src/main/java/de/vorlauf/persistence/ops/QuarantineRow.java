package de.vorlauf.persistence.ops;

import java.time.Instant;

/**
 * One quarantined part of a message.
 *
 * @param readingTimestamp the {@code timestamp} the payload carried, as sent (it may be the very
 *     thing that was wrong with it); null when the payload has none or is not complete
 * @param payload the raw payload (capped), only when one row is asked for
 * @param payloadComplete false when the payload was cut or re-encoded: it cannot be re-ingested
 */
public record QuarantineRow(
    long id,
    Instant receivedAt,
    String readingTimestamp,
    String source,
    String deviceId,
    String topic,
    String reason,
    String detail,
    String sensorId,
    boolean payloadComplete,
    String payload) {}
