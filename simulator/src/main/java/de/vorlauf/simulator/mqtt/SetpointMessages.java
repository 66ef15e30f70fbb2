package de.vorlauf.simulator.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.vorlauf.simulator.physics.SetpointCommand;
import de.vorlauf.simulator.physics.SetpointResult;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The setpoint command and its acknowledgement as the device sees them: {@code {command_id,
 * circuit, flow_temp_setpoint, room_setpoint?, valid_until, issued_at}} in, {@code {command_id,
 * status: applied|rejected, reason?, applied_value, applied_at}} out.
 */
public final class SetpointMessages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SetpointMessages() {}

  /** A command, or why it cannot be one (with its id when that much was readable). */
  public sealed interface Parsed {}

  public record Valid(SetpointCommand command) implements Parsed {}

  /**
   * @param commandId null when not even the id could be read: then nobody can be answered
   */
  public record Invalid(String commandId, String reason) implements Parsed {}

  public static Parsed parse(byte[] payload) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (IOException e) {
      return new Invalid(null, "malformed JSON");
    }
    if (root == null || !root.isObject()) {
      return new Invalid(null, "the command is not a JSON object");
    }
    JsonNode id = root.get("command_id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      return new Invalid(null, "command_id is missing");
    }
    String commandId = id.asText();
    JsonNode circuit = root.get("circuit");
    if (circuit == null || !circuit.canConvertToInt() || !circuit.isIntegralNumber()) {
      return new Invalid(commandId, "circuit must be an integer");
    }
    JsonNode flow = root.get("flow_temp_setpoint");
    if (flow == null || !flow.isNumber() || !Double.isFinite(flow.asDouble())) {
      return new Invalid(commandId, "flow_temp_setpoint must be a finite number");
    }
    JsonNode room = root.get("room_setpoint");
    if (room != null && !room.isNull() && (!room.isNumber() || !Double.isFinite(room.asDouble()))) {
      return new Invalid(commandId, "room_setpoint must be a finite number when present");
    }
    Instant validUntil;
    Instant issuedAt;
    try {
      validUntil = instant(root, "valid_until");
      issuedAt = instant(root, "issued_at");
    } catch (IllegalArgumentException e) {
      return new Invalid(commandId, e.getMessage());
    }
    return new Valid(
        new SetpointCommand(
            commandId,
            circuit.asInt(),
            flow.asDouble(),
            room == null || room.isNull() ? null : room.asDouble(),
            validUntil,
            issuedAt));
  }

  private static Instant instant(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(field + " must be an ISO-8601 timestamp");
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be an ISO-8601 timestamp", e);
    }
  }

  public static byte[] ack(SetpointResult result) {
    ObjectNode ack = JSON.createObjectNode();
    ack.put("command_id", result.commandId());
    ack.put("status", result.applied() ? "applied" : "rejected");
    if (!result.applied() && result.reason() != null) {
      ack.put("reason", result.reason());
    }
    ack.put("applied_value", result.appliedValue());
    ack.put("applied_at", result.appliedAt().toString());
    return bytes(ack);
  }

  /** A rejection before the building saw the command (unreadable or expired). */
  public static byte[] rejected(String commandId, String reason, Instant at) {
    ObjectNode ack = JSON.createObjectNode();
    ack.put("command_id", commandId);
    ack.put("status", "rejected");
    ack.put("reason", reason);
    ack.putNull("applied_value");
    ack.put("applied_at", at.toString());
    return bytes(ack);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
