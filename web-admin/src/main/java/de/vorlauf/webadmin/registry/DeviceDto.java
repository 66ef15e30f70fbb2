package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A device as the API shows it.
 *
 * @param gatewayId the gateway that may publish for it; null when none
 * @param report what the device last said about itself (firmware, signal); null before it did
 */
public record DeviceDto(
    String id,
    String buildingId,
    String gatewayId,
    String description,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    DeviceReportDto report) {

  /**
   * A device's latest self-report from its messages' {@code metadata}.
   *
   * @param signalStrength dBm as reported, null when not said
   * @param reportedAt arrival of the message that said it
   */
  public record DeviceReportDto(
      String firmwareVersion, Integer signalStrength, Instant reportedAt) {}
}
