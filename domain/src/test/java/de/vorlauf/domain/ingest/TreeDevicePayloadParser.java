package de.vorlauf.domain.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.vorlauf.domain.sensor.TimestampSource;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The tree-model parser the streaming one replaced, kept as the oracle of its test. */
final class TreeDevicePayloadParser {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // NaN and Infinity tokens are read so they can be refused as non-finite values with a
          // precise reason instead of as malformed JSON
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * Parses a full message.
   *
   * @param topicDeviceId the device id in the topic (or authenticated by the REST token); null when
   *     the transport does not name one
   */
  public ParsedMessage parseMessage(byte[] payload, String topicDeviceId) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (IOException e) {
      return ParsedMessage.refused(topicDeviceId, RejectReason.MALFORMED_JSON, brief(e));
    }
    if (root == null || !root.isObject()) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.MALFORMED_JSON, "the message is not a JSON object");
    }
    JsonNode deviceNode = root.get("device_id");
    if (deviceNode == null || deviceNode.isNull()) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.MISSING_FIELD, "device_id is missing");
    }
    if (!deviceNode.isTextual() || deviceNode.asText().isBlank()) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.WRONG_TYPE, "device_id must be a non-empty string");
    }
    String deviceId = deviceNode.asText();
    if (topicDeviceId != null && !topicDeviceId.equals(deviceId)) {
      return ParsedMessage.refused(
          topicDeviceId,
          RejectReason.DEVICE_MISMATCH,
          "device_id '" + deviceId + "' differs from the sender '" + topicDeviceId + "'");
    }
    TimeField messageTime = readTime(root, "timestamp");
    if (messageTime.rejection != null) {
      return new ParsedMessage(deviceId, List.of(), List.of(messageTime.rejection));
    }
    JsonNode readings = root.get("readings");
    if (readings == null || readings.isNull()) {
      return ParsedMessage.refused(deviceId, RejectReason.MISSING_FIELD, "readings is missing");
    }
    if (!readings.isArray()) {
      return ParsedMessage.refused(deviceId, RejectReason.WRONG_TYPE, "readings must be an array");
    }
    List<ReadingCandidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    int index = 0;
    for (JsonNode reading : readings) {
      readReading(
          reading,
          "readings[" + index++ + "]",
          null,
          deviceId,
          messageTime.time,
          candidates,
          rejections);
    }
    return new ParsedMessage(deviceId, candidates, rejections, metadata(root.get("metadata")));
  }

  private static DeviceMetadata metadata(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode firmware = node.get("firmware_version");
    JsonNode signal = node.get("signal_strength");
    return DeviceMetadata.ofNullable(
        firmware != null && firmware.isTextual() ? firmware.asText() : null,
        signal != null && signal.isInt() ? signal.intValue() : null);
  }

  /** Parses the per-sensor form; device and sensor come from the topic. */
  public ParsedMessage parseSingleSensor(
      byte[] payload, String deviceId, String sensorId, Instant receivedAt) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (IOException e) {
      return ParsedMessage.refused(deviceId, RejectReason.MALFORMED_JSON, brief(e));
    }
    if (root == null || !root.isObject()) {
      return ParsedMessage.refused(
          deviceId, RejectReason.MALFORMED_JSON, "the message is not a JSON object");
    }
    boolean stamped = root.hasNonNull("timestamp");
    TimeField time = stamped ? readTime(root, "timestamp") : new TimeField(receivedAt, null);
    if (time.rejection != null) {
      return new ParsedMessage(deviceId, List.of(), List.of(time.rejection));
    }
    List<ReadingCandidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    readReading(root, "message", sensorId, deviceId, time.time, candidates, rejections);
    if (!stamped && !candidates.isEmpty()) {
      ReadingCandidate c = candidates.get(0);
      candidates.set(
          0,
          new ReadingCandidate(
              c.deviceId(),
              c.sensorId(),
              c.time(),
              c.value(),
              c.unit(),
              c.quality(),
              TimestampSource.RECEIPT));
    }
    return new ParsedMessage(deviceId, candidates, rejections);
  }

  private static void readReading(
      JsonNode node,
      String where,
      String topicSensorId,
      String deviceId,
      Instant messageTime,
      List<ReadingCandidate> candidates,
      List<Rejection> rejections) {
    if (!node.isObject()) {
      rejections.add(Rejection.ofMessage(RejectReason.WRONG_TYPE, where + " must be an object"));
      return;
    }
    String sensorId = topicSensorId;
    if (sensorId == null) {
      JsonNode sensorNode = node.get("sensor_id");
      if (sensorNode == null || sensorNode.isNull()) {
        rejections.add(
            Rejection.ofMessage(RejectReason.MISSING_FIELD, where + ".sensor_id is missing"));
        return;
      }
      if (!sensorNode.isTextual()) {
        rejections.add(
            Rejection.ofMessage(RejectReason.WRONG_TYPE, where + ".sensor_id must be a string"));
        return;
      }
      sensorId = sensorNode.asText();
    }
    Rejection problem = checkFields(node, where, sensorId, topicSensorId == null);
    if (problem != null) {
      rejections.add(problem);
      return;
    }
    Instant time = messageTime;
    if (node.has("timestamp") && topicSensorId == null) {
      TimeField own = readTime(node, "timestamp");
      if (own.rejection != null) {
        rejections.add(
            new Rejection(own.rejection.reason(), where + ": " + own.rejection.detail(), sensorId));
        return;
      }
      time = own.time;
    }
    JsonNode quality = node.get("quality");
    candidates.add(
        new ReadingCandidate(
            deviceId,
            sensorId,
            time,
            node.get("value").doubleValue(),
            node.hasNonNull("unit") ? node.get("unit").asText() : null,
            quality == null || quality.isNull() ? null : quality.asText()));
  }

  private static Rejection checkFields(
      JsonNode node, String where, String sensorId, boolean unitRequired) {
    JsonNode value = node.get("value");
    if (value == null || value.isNull()) {
      return new Rejection(RejectReason.MISSING_FIELD, where + ".value is missing", sensorId);
    }
    if (!value.isNumber()) {
      return new Rejection(
          RejectReason.WRONG_TYPE,
          where + ".value must be a number, not " + value.getNodeType().name().toLowerCase(),
          sensorId);
    }
    JsonNode unit = node.get("unit");
    if (unit == null || unit.isNull()) {
      if (unitRequired) {
        return new Rejection(RejectReason.MISSING_FIELD, where + ".unit is missing", sensorId);
      }
    } else if (!unit.isTextual()) {
      return new Rejection(RejectReason.WRONG_TYPE, where + ".unit must be a string", sensorId);
    }
    JsonNode quality = node.get("quality");
    if (quality != null && !quality.isNull() && !quality.isTextual()) {
      return new Rejection(RejectReason.WRONG_TYPE, where + ".quality must be a string", sensorId);
    }
    return null;
  }

  private static TimeField readTime(JsonNode node, String field) {
    JsonNode timeNode = node.get(field);
    if (timeNode == null || timeNode.isNull()) {
      return TimeField.failed(RejectReason.MISSING_FIELD, field + " is missing");
    }
    if (!timeNode.isTextual()) {
      return TimeField.failed(RejectReason.WRONG_TYPE, field + " must be an ISO-8601 string");
    }
    try {
      return new TimeField(IsoTimestamps.parse(timeNode.asText()), null);
    } catch (DateTimeParseException e) {
      return TimeField.failed(
          RejectReason.INVALID_TIMESTAMP,
          field
              + " '"
              + abbreviate(timeNode.asText())
              + "' is not ISO-8601 with a zone offset (e.g. 2025-01-15T14:30:00Z)");
    }
  }

  private static String brief(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return "not valid JSON: " + abbreviate(newline < 0 ? message : message.substring(0, newline));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  private record TimeField(Instant time, Rejection rejection) {
    static TimeField failed(RejectReason reason, String detail) {
      return new TimeField(null, Rejection.ofMessage(reason, detail));
    }
  }
}
