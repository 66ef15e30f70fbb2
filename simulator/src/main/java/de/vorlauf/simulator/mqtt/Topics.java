package de.vorlauf.simulator.mqtt;

import java.util.Optional;

/** The source document's topics, as devices use them. */
public final class Topics {

  private static final String PREFIX = "greenbox/";
  private static final String SETPOINT = "/commands/setpoint";
  static final String BACKLOG_ACK_SUFFIX = "/backlog/ack";

  private Topics() {}

  public static String sensors(String deviceId) {
    return PREFIX + deviceId + "/sensors";
  }

  /** A device's history: messages the device knows to be old (ingestion's backlog lane). */
  public static String backlog(String deviceId) {
    return PREFIX + deviceId + "/backlog";
  }

  /** Where ingestion sends commit receipts for {@link #backlog} messages that ask for them. */
  public static String backlogAck(String deviceId) {
    return PREFIX + deviceId + BACKLOG_ACK_SUFFIX;
  }

  public static String setpoint(String deviceId) {
    return PREFIX + deviceId + SETPOINT;
  }

  public static String ack(String deviceId) {
    return PREFIX + deviceId + "/commands/ack";
  }

  /** The device of a {@code greenbox/<device>/commands/setpoint} topic. */
  public static Optional<String> setpointDevice(String topic) {
    if (!topic.startsWith(PREFIX) || !topic.endsWith(SETPOINT)) {
      return Optional.empty();
    }
    String device = topic.substring(PREFIX.length(), topic.length() - SETPOINT.length());
    return device.isEmpty() || device.contains("/") ? Optional.empty() : Optional.of(device);
  }
}
