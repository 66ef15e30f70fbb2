package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.QuarantineRow;
import java.time.Instant;

/**
 * One quarantined part of a message.
 *
 * @param readingTimestamp the timestamp the message itself carried, as sent; null when it has none
 *     or its payload was cut
 * @param payload the raw payload (capped), only when one row is asked for
 * @param payloadComplete false when the payload was cut or re-encoded: it cannot be re-ingested
 */
public record QuarantineRowDto(
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
    String payload) {

  static QuarantineRowDto of(QuarantineRow row) {
    return new QuarantineRowDto(
        row.id(),
        row.receivedAt(),
        row.readingTimestamp(),
        row.source(),
        row.deviceId(),
        row.topic(),
        row.reason(),
        row.detail(),
        row.sensorId(),
        row.payloadComplete(),
        row.payload());
  }
}
