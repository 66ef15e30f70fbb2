package de.vorlauf.ingest.topic;

import java.util.Optional;

/**
 * The two device topics: {@code greenbox/{device_id}/sensors} (a full message) and {@code
 * greenbox/{device_id}/sensors/{sensor_id}} (one sensor).
 *
 * @param sensorId null for the full-message form
 */
public record GreenboxTopic(String deviceId, String sensorId) {

  /** Subscription filter of the full-message form. */
  public static final String MESSAGE_FILTER = "greenbox/+/sensors";

  /** Subscription filter of the per-sensor form. */
  public static final String SENSOR_FILTER = "greenbox/+/sensors/+";

  /** Empty when the topic is neither form (or names an empty device or sensor). */
  public static Optional<GreenboxTopic> parse(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    String[] levels = topic.split("/", -1);
    if (levels.length < 3 || levels.length > 4) {
      return Optional.empty();
    }
    if (!levels[0].equals("greenbox") || !levels[2].equals("sensors") || levels[1].isEmpty()) {
      return Optional.empty();
    }
    if (levels.length == 3) {
      return Optional.of(new GreenboxTopic(levels[1], null));
    }
    return levels[3].isEmpty()
        ? Optional.empty()
        : Optional.of(new GreenboxTopic(levels[1], levels[3]));
  }

  public boolean singleSensor() {
    return sensorId != null;
  }
}
