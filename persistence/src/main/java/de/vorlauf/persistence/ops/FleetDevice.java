package de.vorlauf.persistence.ops;

import java.time.Instant;
import java.util.Map;

/**
 * One device of a building as ops see it.
 *
 * @param state {@code online}, {@code stale}, {@code offline}, {@code never_seen} or {@code
 *     inactive} (see {@link FleetFilter})
 * @param lastMessage when its newest message arrived
 * @param lastReading its newest reading's own timestamp
 * @param quarantineByReason all its quarantine rows per reason
 * @param report what the device last said about itself (firmware, signal); null before it did
 */
public record FleetDevice(
    String id,
    boolean active,
    String gatewayId,
    String state,
    Instant lastMessage,
    Instant lastReading,
    Instant stateChangedAt,
    long messageCount,
    long readingCount,
    long quarantinedRecently,
    Map<String, Long> quarantineByReason,
    Report report) {

  /**
   * A device's latest self-report from its messages' {@code metadata} ({@code device_metadata}).
   *
   * @param signalStrength dBm as reported, null when not said
   * @param reportedAt arrival of the message that said it
   */
  public record Report(String firmwareVersion, Integer signalStrength, Instant reportedAt) {}
}
