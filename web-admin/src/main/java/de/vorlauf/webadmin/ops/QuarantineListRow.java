package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.QuarantineSearch;
import java.time.Instant;

/**
 * One quarantined part of a message in a list (the payload is fetched per row).
 *
 * @param readingTimestamp the timestamp the message itself carried, as sent; null when it has none
 *     or its payload was cut
 * @param payloadComplete false when the payload was cut or re-encoded: it cannot be re-ingested
 */
public record QuarantineListRow(
    long id,
    Instant receivedAt,
    String readingTimestamp,
    String source,
    String deviceId,
    String topic,
    String reason,
    String detail,
    String sensorId,
    boolean payloadComplete) {

  static QuarantineListRow of(QuarantineSearch.Row r) {
    return new QuarantineListRow(
        r.id(),
        r.receivedAt(),
        r.readingTimestamp(),
        r.source(),
        r.deviceId(),
        r.topic(),
        r.reason(),
        r.detail(),
        r.sensorId(),
        r.payloadComplete());
  }
}
