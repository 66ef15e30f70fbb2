package de.vorlauf.bench;

import java.time.Instant;
import java.util.List;

/**
 * The messages the simulated devices publish: the source document's schema, one reading per
 * millisecond after the message's base time so that every reading has its own key (device, sensor,
 * time) even when a message repeats a sensor.
 */
final class MessagePlan {

  private static final List<String[]> SENSORS =
      List.of(
          new String[] {"vorlauf_temp_hk1", "degC", "55"},
          new String[] {"ruecklauf_temp_hk1", "degC", "40"},
          new String[] {"outdoor_temp", "degC", "3"},
          new String[] {"flow_rate_hk1", "L/min", "12"},
          new String[] {"indoor_temp", "degC", "21"},
          new String[] {"heat_power", "kW", "14"},
          new String[] {"heat_energy", "kWh", "51234"});

  private final int readingsPerMessage;

  MessagePlan(int readingsPerMessage) {
    this.readingsPerMessage = readingsPerMessage;
  }

  static String deviceId(int index) {
    return String.format("bench-%04d", index);
  }

  static String topic(String deviceId) {
    return "greenbox/" + deviceId + "/sensors";
  }

  /** One message of {@code deviceId} whose readings start at {@code base}. */
  byte[] payload(String deviceId, Instant base, long seq) {
    StringBuilder json = new StringBuilder(96 + readingsPerMessage * 110);
    json.append("{\"timestamp\":\"").append(base).append("\",\"device_id\":\"").append(deviceId);
    json.append("\",\"readings\":[");
    for (int i = 0; i < readingsPerMessage; i++) {
      String[] sensor = SENSORS.get(i % SENSORS.size());
      double value = Double.parseDouble(sensor[2]) + ((seq * 7 + i) % 100) / 10.0;
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"sensor_id\":\"").append(sensor[0]).append("\",\"value\":").append(value);
      json.append(",\"unit\":\"").append(sensor[1]).append("\",\"quality\":\"good\"");
      json.append(",\"timestamp\":\"").append(base.plusMillis(i)).append("\"}");
    }
    json.append("],\"metadata\":{\"firmware_version\":\"bench\"}}");
    return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
