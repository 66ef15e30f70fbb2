package de.vorlauf.activities.optimization;

import de.vorlauf.activities.delivery.CommandSender;
import java.time.Duration;

/**
 * Sends a setpoint command to a device ({@code greenbox/<device>/commands/setpoint}, QoS 1).
 * Returns once the broker has it; a failure is an exception (the result stays stored, unpublished,
 * and a retry publishes it with the same command id).
 */
public interface SetpointPublisher extends CommandSender {

  /** For runs that compute and store only ({@code publish = false}). */
  SetpointPublisher NONE =
      (deviceId, payload) -> {
        throw new IllegalStateException("no setpoint publisher is configured");
      };

  void publish(String deviceId, byte[] payload) throws Exception;

  /**
   * Publishes without a message expiry unless the publisher can set one ({@link
   * MqttSetpointPublisher}).
   */
  @Override
  default void send(String deviceId, byte[] payload, Duration expiry) throws Exception {
    publish(deviceId, payload);
  }

  /** The command topic of a device, the device contract's. */
  static String topic(String deviceId) {
    return "greenbox/" + deviceId + "/commands/setpoint";
  }
}
