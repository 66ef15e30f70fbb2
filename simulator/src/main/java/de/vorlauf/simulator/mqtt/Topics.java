package de.vorlauf.simulator.mqtt;

import java.util.Optional;

/** The source document's topics, as devices use them. */
public final class Topics {

  private static final String PREFIX = "greenbox/";
  private static final String SETPOINT = "/commands/setpoint";

  private Topics() {}

  public static String sensors(String deviceId) {
    return PREFIX + deviceId + "/sensors";
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
