package de.vorlauf.persistence.ingest;

import de.vorlauf.domain.ingest.DeviceMetadata;
import java.time.Instant;

/**
 * What one device did between two status flushes: merged in memory per message, written as one row
 * per device.
 *
 * @param newestReading measurement time of the newest stored reading, null when none was stored
 * @param metadata what the device last said about itself (firmware, signal), null when nothing
 * @param metadataAt arrival of the message that said it
 */
public record DeviceActivity(
    String deviceId,
    String buildingId,
    Instant firstArrival,
    Instant lastArrival,
    Instant newestReading,
    int messages,
    int readings,
    int quarantined,
    DeviceMetadata metadata,
    Instant metadataAt) {

  public DeviceActivity(
      String deviceId,
      String buildingId,
      Instant firstArrival,
      Instant lastArrival,
      Instant newestReading,
      int messages,
      int readings,
      int quarantined) {
    this(
        deviceId,
        buildingId,
        firstArrival,
        lastArrival,
        newestReading,
        messages,
        readings,
        quarantined,
        null,
        null);
  }

  public DeviceActivity merge(DeviceActivity other) {
    boolean theirs =
        other.metadata != null && (metadataAt == null || !other.metadataAt.isBefore(metadataAt));
    return new DeviceActivity(
        deviceId,
        other.buildingId,
        min(firstArrival, other.firstArrival),
        max(lastArrival, other.lastArrival),
        max(newestReading, other.newestReading),
        messages + other.messages,
        readings + other.readings,
        quarantined + other.quarantined,
        theirs ? other.metadata : metadata,
        theirs ? other.metadataAt : metadataAt);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
