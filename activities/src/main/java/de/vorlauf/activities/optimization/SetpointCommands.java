package de.vorlauf.activities.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The device contract's setpoint command ({@code docs/device-protocol.md}, "Setpoint commands"):
 * {@code {command_id, circuit, flow_temp_setpoint, room_setpoint?, valid_until, issued_at}}.
 */
final class SetpointCommands {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The optimiser's setpoints are for the building's first heating circuit. */
  static final int CIRCUIT = 1;

  private SetpointCommands() {}

  /**
   * The command id of a building's optimisation at an instant for an origin: the same on every
   * retry, so a device that got the first attempt recognises the second.
   */
  static String commandId(String buildingId, Instant asOf, String origin) {
    return UUID.nameUUIDFromBytes(
            ("vorlauf-setpoint|" + buildingId + "|" + asOf + "|" + origin)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The command to queue for a device: the result's values and its exact JSON bytes. */
  static NewSetpointCommand command(
      String commandId, String deviceId, String origin, OptimizationResult result) {
    return new NewSetpointCommand(
        commandId,
        result.buildingId(),
        deviceId,
        CIRCUIT,
        result.timestamp(),
        origin,
        result.recommendedFlowC(),
        result.sendRoomSetpoint() ? result.recommendedRoomC() : null,
        result.timestamp(),
        result.validUntil(),
        json(commandId, result));
  }

  /**
   * The command's JSON. {@code issued_at} is the optimisation's instant, not the clock at sending,
   * so a retry publishes the same bytes.
   */
  static byte[] json(String commandId, OptimizationResult result) {
    ObjectNode command = JSON.createObjectNode();
    command.put("command_id", commandId);
    command.put("circuit", CIRCUIT);
    command.put("flow_temp_setpoint", result.recommendedFlowC());
    if (result.sendRoomSetpoint()) {
      command.put("room_setpoint", result.recommendedRoomC());
    }
    command.put("valid_until", result.validUntil().toString());
    command.put("issued_at", result.timestamp().toString());
    try {
      return JSON.writeValueAsBytes(command);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
