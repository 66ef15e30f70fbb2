package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.vorlauf.activities.vendor.CloudModel.Point;
import de.vorlauf.domain.vendor.FeatureMapping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns feature history into device messages of the documented schema ({@code {device_id,
 * timestamp, readings: [{sensor_id, value, unit, timestamp}], metadata}}), one per device and
 * minute, so vendor readings take exactly the path of MQTT and REST messages. Each reading keeps
 * its own timestamp; the minute only groups them.
 */
final class DeviceMessages {

  /** A message ready for the pipeline and how many readings it carries. */
  record Message(String deviceId, byte[] payload, int readings) {}

  private final ObjectMapper json;
  private final String integrationId;
  private final String installationId;
  private final Map<String, TreeMap<Instant, ArrayNode>> byDevice = new TreeMap<>();

  DeviceMessages(ObjectMapper json, String integrationId, String installationId) {
    this.json = json;
    this.integrationId = integrationId;
    this.installationId = installationId;
  }

  void add(String deviceId, String feature, Point point) {
    String sensor = FeatureMapping.sensorFor(feature).orElseThrow();
    ObjectNode reading = json.createObjectNode();
    reading.put("sensor_id", sensor);
    reading.set("value", point.value());
    reading.put("unit", FeatureMapping.catalogueUnit(point.unit()));
    reading.put("timestamp", point.timestamp().toString());
    byDevice
        .computeIfAbsent(deviceId, d -> new TreeMap<>())
        .computeIfAbsent(
            point.timestamp().truncatedTo(ChronoUnit.MINUTES), m -> json.createArrayNode())
        .add(reading);
  }

  List<Message> messages() {
    List<Message> messages = new ArrayList<>();
    byDevice.forEach(
        (deviceId, minutes) ->
            minutes.forEach(
                (minute, readings) -> messages.add(message(deviceId, minute, readings))));
    return messages;
  }

  private Message message(String deviceId, Instant minute, ArrayNode readings) {
    ObjectNode root = json.createObjectNode();
    root.put("device_id", deviceId);
    root.put("timestamp", minute.toString());
    root.set("readings", readings);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("source", "vendor");
    metadata.put("integration", integrationId);
    metadata.put("installation", installationId);
    try {
      return new Message(
          deviceId,
          json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8),
          readings.size());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
