package de.vorlauf.persistence.ops;

import java.time.Instant;

/**
 * Which quarantine rows to show, group or re-ingest; every part is optional.
 *
 * @param from received at or after
 * @param to received before
 */
public record QuarantineFilter(
    String deviceId, String sensorId, String reason, Instant from, Instant to) {

  public QuarantineFilter {
    deviceId = blankToNull(deviceId);
    sensorId = blankToNull(sensorId);
    reason = blankToNull(reason);
  }

  /** Any sensor. */
  public QuarantineFilter(String deviceId, String reason, Instant from, Instant to) {
    this(deviceId, null, reason, from, to);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
