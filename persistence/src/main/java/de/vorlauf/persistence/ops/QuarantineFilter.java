package de.vorlauf.persistence.ops;

import java.time.Instant;

/**
 * Which quarantine rows to show or re-ingest; every part is optional.
 *
 * @param from received at or after
 * @param to received before
 */
public record QuarantineFilter(String deviceId, String reason, Instant from, Instant to) {

  public QuarantineFilter {
    deviceId = blankToNull(deviceId);
    reason = blankToNull(reason);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
