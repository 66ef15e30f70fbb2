package de.vorlauf.ingest.topic;

import java.util.Optional;

/**
 * The device topics: {@code greenbox/{device_id}/sensors} (a full message), {@code
 * greenbox/{device_id}/sensors/{sensor_id}} (one sensor) and {@code greenbox/{device_id}/backlog}
 * (a full message the device knows to be history, e.g. its buffer after an outage). Ingestion
 * answers backlog messages that ask for it on {@code greenbox/{device_id}/backlog/ack}.
 *
 * @param sensorId null for the full-message forms
 * @param backlog true for the backlog topic
 */
public record GreenboxTopic(String deviceId, String sensorId, boolean backlog) {

  /** Subscription filter of the full-message form. */
  public static final String MESSAGE_FILTER = "greenbox/+/sensors";

  /** Subscription filter of the per-sensor form. */
  public static final String SENSOR_FILTER = "greenbox/+/sensors/+";

  /** Subscription filter of the backlog form. */
  public static final String BACKLOG_FILTER = "greenbox/+/backlog";

  public GreenboxTopic(String deviceId, String sensorId) {
    this(deviceId, sensorId, false);
  }

  /** Empty when the topic is none of the forms (or names an empty device or sensor). */
  public static Optional<GreenboxTopic> parse(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    String[] levels = topic.split("/", -1);
    if (levels.length < 3 || levels.length > 4) {
      return Optional.empty();
    }
    if (!levels[0].equals("greenbox") || levels[1].isEmpty()) {
      return Optional.empty();
    }
    if (levels[2].equals("backlog")) {
      return levels.length == 3
          ? Optional.of(new GreenboxTopic(levels[1], null, true))
          : Optional.empty();
    }
    if (!levels[2].equals("sensors")) {
      return Optional.empty();
    }
    if (levels.length == 3) {
      return Optional.of(new GreenboxTopic(levels[1], null));
    }
    return levels[3].isEmpty()
        ? Optional.empty()
        : Optional.of(new GreenboxTopic(levels[1], levels[3]));
  }

  /** Where ingestion sends the commit receipts of {@code deviceId}'s backlog messages. */
  public static String backlogAck(String deviceId) {
    return "greenbox/" + deviceId + "/backlog/ack";
  }

  public boolean singleSensor() {
    return sensorId != null;
  }
}
