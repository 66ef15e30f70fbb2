package de.vorlauf.activities.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.persistence.delivery.DeviceAck;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The device contract's acknowledgement ({@code docs/device-protocol.md}, "Setpoint commands") on
 * {@code greenbox/<device>/commands/ack}: {@code {command_id, status: applied|rejected, reason?,
 * applied_value, applied_at}}.
 */
final class AckMessages {

  static final String TOPIC_FILTER = "greenbox/+/commands/ack";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "greenbox/";
  private static final String SUFFIX = "/commands/ack";

  private AckMessages() {}

  /** The device of an ack topic; empty for any other topic. */
  static Optional<String> device(String topic) {
    if (!topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String device = topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
    return device.isEmpty() || device.contains("/") ? Optional.empty() : Optional.of(device);
  }

  /**
   * The ack in {@code payload} from {@code deviceId}.
   *
   * @throws IllegalArgumentException naming what is wrong, when it cannot be read
   */
  static DeviceAck parse(String deviceId, byte[] payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode id = node.get("command_id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException("command_id missing");
    }
    String status = node.path("status").asText("");
    if (!status.equals("applied") && !status.equals("rejected")) {
      throw new IllegalArgumentException("status is neither applied nor rejected: " + status);
    }
    JsonNode value = node.get("applied_value");
    Double appliedValue = value != null && value.isNumber() ? value.asDouble() : null;
    if (status.equals("applied") && appliedValue == null) {
      throw new IllegalArgumentException("applied without a numeric applied_value");
    }
    JsonNode reason = node.get("reason");
    return new DeviceAck(
        deviceId,
        id.asText(),
        status.equals("applied"),
        reason != null && reason.isTextual() ? reason.asText() : null,
        appliedValue,
        instant(node.get("applied_at")));
  }

  private static Instant instant(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("applied_at is not an ISO-8601 instant");
    }
  }
}
