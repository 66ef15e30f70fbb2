package de.vorlauf.persistence.ingest;

import java.time.Instant;

/**
 * What one device did between two status flushes: merged in memory per message, written as one row
 * per device.
 *
 * @param newestReading measurement time of the newest stored reading, null when none was stored
 */
public record DeviceActivity(
    String deviceId,
    String buildingId,
    Instant firstArrival,
    Instant lastArrival,
    Instant newestReading,
    int messages,
    int readings,
    int quarantined) {

  public DeviceActivity merge(DeviceActivity other) {
    return new DeviceActivity(
        deviceId,
        other.buildingId,
        min(firstArrival, other.firstArrival),
        max(lastArrival, other.lastArrival),
        max(newestReading, other.newestReading),
        messages + other.messages,
        readings + other.readings,
        quarantined + other.quarantined);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
