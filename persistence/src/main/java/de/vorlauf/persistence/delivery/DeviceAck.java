package de.vorlauf.persistence.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's acknowledgement ({@code greenbox/<device>/commands/ack}): {@code {command_id, status:
 * applied|rejected, reason?, applied_value, applied_at}}.
 *
 * @param deviceId the device of the topic it came on (a device may only settle its own commands)
 * @param appliedValue null when the device sent none (a rejection)
 * @param appliedAt the device's time; null when it sent none
 */
public record DeviceAck(
    String deviceId,
    String commandId,
    boolean applied,
    String reason,
    Double appliedValue,
    Instant appliedAt) {

  public DeviceAck {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(commandId, "commandId");
  }
}
