package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.FleetDevice;
import de.vorlauf.webadmin.registry.DeviceDto;
import java.time.Instant;
import java.util.Map;

/**
 * One device of a building on the fleet page.
 *
 * @param state {@code online}, {@code stale} (messages arrive, the newest reading is older than the
 *     offline time), {@code offline}, {@code never_seen} or {@code inactive}
 * @param quarantineByReason all its quarantine rows per reason
 * @param report what the device last said about itself (firmware, signal, when); null before it did
 */
public record FleetDeviceDto(
    String deviceId,
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
    DeviceDto.DeviceReportDto report) {

  static FleetDeviceDto of(FleetDevice d) {
    return new FleetDeviceDto(
        d.id(),
        d.active(),
        d.gatewayId(),
        d.state(),
        d.lastMessage(),
        d.lastReading(),
        d.stateChangedAt(),
        d.messageCount(),
        d.readingCount(),
        d.quarantinedRecently(),
        d.quarantineByReason(),
        d.report() == null
            ? null
            : new DeviceDto.DeviceReportDto(
                d.report().firmwareVersion(),
                d.report().signalStrength(),
                d.report().reportedAt()));
  }
}
