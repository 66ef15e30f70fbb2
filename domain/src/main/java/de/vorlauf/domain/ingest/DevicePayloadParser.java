package de.vorlauf.domain.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import de.vorlauf.domain.sensor.TimestampSource;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two message forms of the source document:
 *
 * <ul>
 *   <li>{@code greenbox/{device_id}/sensors}: {@code {timestamp, device_id, readings: [{sensor_id,
 *       value, unit, quality}], metadata}} — also the body of {@code POST /api/v1/ingest};
 *   <li>{@code greenbox/{device_id}/sensors/{sensor_id}}: {@code {value, unit?, quality?,
 *       timestamp?}} — the source document's ingester sends only {@code {"value": 52.3}}: without a
 *       timestamp the reading gets the receive time (marked {@link TimestampSource#RECEIPT}),
 *       without a unit the sensor catalogue's.
 * </ul>
 *
 * A reading may carry its own {@code timestamp}; otherwise it has the message's. One bad reading
 * never costs the others: it becomes a {@link Rejection} beside them. A message's {@code metadata}
 * (firmware version, signal strength) is read when it has the documented shape and ignored
 * otherwise: it never costs a reading.
 *
 * <p>The payload is read with Jackson's streaming parser into the few fields the rules look at, not
 * into a tree: on the ingest hot path the tree's per-reading maps cost more than everything else
 * the parser does. The whole payload is still read before any rule is applied, so a syntax error
 * (or a duplicate key, at any depth) anywhere refuses the whole message, as it would with a tree,
 * and the order of fields in the JSON does not matter.
 */
public final class DevicePayloadParser {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          // NaN and Infinity tokens are read so they can be refused as non-finite values with a
          // precise reason instead of as malformed JSON
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * Parses a full message.
   *
   * @param topicDeviceId the device id in the topic (or authenticated by the REST token); null when
   *     the transport does not name one
   */
  public ParsedMessage parseMessage(byte[] payload, String topicDeviceId) {
    JsonObject root;
    try {
      root = readRoot(payload, true);
    } catch (IOException e) {
      return ParsedMessage.refused(topicDeviceId, RejectReason.MALFORMED_JSON, brief(e));
    }
    if (root == null) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.MALFORMED_JSON, "the message is not a JSON object");
    }
    JsonValue deviceNode = root.deviceId;
    if (deviceNode == null || deviceNode.isNull()) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.MISSING_FIELD, "device_id is missing");
    }
    if (!deviceNode.isTextual() || deviceNode.text.isBlank()) {
      return ParsedMessage.refused(
          topicDeviceId, RejectReason.WRONG_TYPE, "device_id must be a non-empty string");
    }
    String deviceId = deviceNode.text;
    if (topicDeviceId != null && !topicDeviceId.equals(deviceId)) {
      return ParsedMessage.refused(
          topicDeviceId,
          RejectReason.DEVICE_MISMATCH,
          "device_id '" + deviceId + "' differs from the sender '" + topicDeviceId + "'");
    }
    TimeField messageTime = readTime(root.timestamp, "timestamp");
    if (messageTime.rejection != null) {
      return new ParsedMessage(deviceId, List.of(), List.of(messageTime.rejection));
    }
    JsonValue readings = root.readings;
    if (readings == null || readings.isNull()) {
      return ParsedMessage.refused(deviceId, RejectReason.MISSING_FIELD, "readings is missing");
    }
    if (root.readingList == null) {
      return ParsedMessage.refused(deviceId, RejectReason.WRONG_TYPE, "readings must be an array");
    }
    List<ReadingCandidate> candidates = new ArrayList<>(root.readingList.size());
    List<Rejection> rejections = new ArrayList<>(0);
    int index = 0;
    for (JsonObject reading : root.readingList) {
      readReading(
          reading,
          "readings[" + index++ + "]",
          null,
          deviceId,
          messageTime.time,
          candidates,
          rejections);
    }
    return new ParsedMessage(deviceId, candidates, rejections, root.metadata);
  }

  /**
   * Parses the per-sensor form; device and sensor come from the topic.
   *
   * @param receivedAt when the message arrived: the reading's time when it carries no timestamp
   */
  public ParsedMessage parseSingleSensor(
      byte[] payload, String deviceId, String sensorId, Instant receivedAt) {
    JsonObject root;
    try {
      root = readRoot(payload, false);
    } catch (IOException e) {
      return ParsedMessage.refused(deviceId, RejectReason.MALFORMED_JSON, brief(e));
    }
    if (root == null) {
      return ParsedMessage.refused(
          deviceId, RejectReason.MALFORMED_JSON, "the message is not a JSON object");
    }
    boolean stamped = root.timestamp != null && !root.timestamp.isNull();
    TimeField time =
        stamped ? readTime(root.timestamp, "timestamp") : new TimeField(receivedAt, null);
    if (time.rejection != null) {
      return new ParsedMessage(deviceId, List.of(), List.of(time.rejection));
    }
    List<ReadingCandidate> candidates = new ArrayList<>(1);
    List<Rejection> rejections = new ArrayList<>(0);
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
      JsonObject node,
      String where,
      String topicSensorId,
      String deviceId,
      Instant messageTime,
      List<ReadingCandidate> candidates,
      List<Rejection> rejections) {
    if (node.notAnObject != null) {
      rejections.add(Rejection.ofMessage(RejectReason.WRONG_TYPE, where + " must be an object"));
      return;
    }
    String sensorId = topicSensorId;
    if (sensorId == null) {
      JsonValue sensorNode = node.sensorId;
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
      sensorId = sensorNode.text;
    }
    // the per-sensor form may leave the unit out: the catalogue knows the sensor's unit
    Rejection problem = checkFields(node, where, sensorId, topicSensorId == null);
    if (problem != null) {
      rejections.add(problem);
      return;
    }
    Instant time = messageTime;
    if (node.timestamp != null && topicSensorId == null) {
      TimeField own = readTime(node.timestamp, "timestamp");
      if (own.rejection != null) {
        rejections.add(
            new Rejection(own.rejection.reason(), where + ": " + own.rejection.detail(), sensorId));
        return;
      }
      time = own.time;
    }
    JsonValue quality = node.quality;
    candidates.add(
        new ReadingCandidate(
            deviceId,
            sensorId,
            time,
            node.value.number,
            node.unit == null || node.unit.isNull() ? null : node.unit.text,
            quality == null || quality.isNull() ? null : quality.text));
  }

  private static Rejection checkFields(
      JsonObject node, String where, String sensorId, boolean unitRequired) {
    JsonValue value = node.value;
    if (value == null || value.isNull()) {
      return new Rejection(RejectReason.MISSING_FIELD, where + ".value is missing", sensorId);
    }
    if (!value.isNumber()) {
      return new Rejection(
          RejectReason.WRONG_TYPE,
          where + ".value must be a number, not " + value.typeName(),
          sensorId);
    }
    JsonValue unit = node.unit;
    if (unit == null || unit.isNull()) {
      if (unitRequired) {
        return new Rejection(RejectReason.MISSING_FIELD, where + ".unit is missing", sensorId);
      }
    } else if (!unit.isTextual()) {
      return new Rejection(RejectReason.WRONG_TYPE, where + ".unit must be a string", sensorId);
    }
    JsonValue quality = node.quality;
    if (quality != null && !quality.isNull() && !quality.isTextual()) {
      return new Rejection(RejectReason.WRONG_TYPE, where + ".quality must be a string", sensorId);
    }
    return null;
  }

  private static TimeField readTime(JsonValue timeNode, String field) {
    if (timeNode == null || timeNode.isNull()) {
      return TimeField.failed(RejectReason.MISSING_FIELD, field + " is missing");
    }
    if (!timeNode.isTextual()) {
      return TimeField.failed(RejectReason.WRONG_TYPE, field + " must be an ISO-8601 string");
    }
    try {
      return new TimeField(IsoTimestamps.parse(timeNode.text), null);
    } catch (DateTimeParseException e) {
      return TimeField.failed(
          RejectReason.INVALID_TIMESTAMP,
          field
              + " '"
              + abbreviate(timeNode.text)
              + "' is not ISO-8601 with a zone offset (e.g. 2025-01-15T14:30:00Z)");
    }
  }

  /**
   * Reads the whole payload; null when its first value is not an object (after checking that the
   * value is well-formed, so broken JSON is reported as such whatever its shape).
   */
  private static JsonObject readRoot(byte[] payload, boolean withReadings) throws IOException {
    try (JsonParser parser = JSON.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      if (first != JsonToken.START_OBJECT) {
        parser.skipChildren();
        parser.finishToken(); // strings are decoded lazily: an unterminated one fails only here
        return null;
      }
      return readObject(parser, withReadings);
    }
  }

  /** Reads an object whose START_OBJECT is the current token, up to its END_OBJECT. */
  private static JsonObject readObject(JsonParser parser, boolean withReadings) throws IOException {
    JsonObject object = new JsonObject();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "device_id" -> object.deviceId = JsonValue.read(parser, token);
        case "sensor_id" -> object.sensorId = JsonValue.read(parser, token);
        case "timestamp" -> object.timestamp = JsonValue.read(parser, token);
        case "value" -> object.value = JsonValue.read(parser, token);
        case "unit" -> object.unit = JsonValue.read(parser, token);
        case "quality" -> object.quality = JsonValue.read(parser, token);
        case "metadata" -> {
          if (withReadings && token == JsonToken.START_OBJECT) {
            object.metadata = readMetadata(parser);
          } else {
            parser.skipChildren();
          }
        }
        case "readings" -> {
          if (withReadings && token == JsonToken.START_ARRAY) {
            object.readings = JsonValue.of(token);
            object.readingList = readArray(parser);
          } else {
            object.readings = JsonValue.read(parser, token);
          }
        }
        default -> parser.skipChildren();
      }
    }
    return object;
  }

  /** The documented fields of {@code metadata}; a field of another type is left out. */
  private static DeviceMetadata readMetadata(JsonParser parser) throws IOException {
    String firmware = null;
    Integer signal = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      if (name.equals("firmware_version") && token == JsonToken.VALUE_STRING) {
        firmware = parser.getText();
      } else if (name.equals("signal_strength")
          && token == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() == JsonParser.NumberType.INT) {
        signal = parser.getIntValue();
      } else {
        parser.skipChildren();
      }
    }
    return DeviceMetadata.ofNullable(firmware, signal);
  }

  private static List<JsonObject> readArray(JsonParser parser) throws IOException {
    List<JsonObject> elements = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        elements.add(readObject(parser, false));
      } else {
        JsonObject notAnObject = new JsonObject();
        notAnObject.notAnObject = JsonValue.read(parser, token);
        elements.add(notAnObject);
      }
    }
    return elements;
  }

  private static String brief(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return "not valid JSON: " + abbreviate(newline < 0 ? message : message.substring(0, newline));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /** The fields of one JSON object that any rule reads; each null when absent. */
  private static final class JsonObject {
    JsonValue deviceId;
    JsonValue sensorId;
    JsonValue timestamp;
    JsonValue value;
    JsonValue unit;
    JsonValue quality;
    JsonValue readings;
    List<JsonObject> readingList;
    DeviceMetadata metadata;

    /** Set for an element of {@code readings} that is not an object: what it is instead. */
    JsonValue notAnObject;
  }

  /** One JSON value: its kind, and its text or number when it has one. Containers are skipped. */
  private record JsonValue(JsonToken token, String text, double number) {

    static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
      return switch (token) {
        case VALUE_STRING -> new JsonValue(token, parser.getText(), Double.NaN);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new JsonValue(token, null, parser.getDoubleValue());
        default -> {
          parser.skipChildren();
          yield of(token);
        }
      };
    }

    static JsonValue of(JsonToken token) {
      return new JsonValue(token, null, Double.NaN);
    }

    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    boolean isTextual() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** The JSON type's name as {@code JsonNodeType} spells it, lower case, for error details. */
    String typeName() {
      return switch (token) {
        case VALUE_STRING -> "string";
        case VALUE_TRUE, VALUE_FALSE -> "boolean";
        case START_OBJECT -> "object";
        case START_ARRAY -> "array";
        case VALUE_NULL -> "null";
        case VALUE_EMBEDDED_OBJECT -> "pojo";
        default -> "number";
      };
    }
  }

  private record TimeField(Instant time, Rejection rejection) {
    static TimeField failed(RejectReason reason, String detail) {
      return new TimeField(null, Rejection.ofMessage(reason, detail));
    }
  }
}
