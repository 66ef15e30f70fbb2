package de.vorlauf.activities.delivery;

import java.time.Duration;

/**
 * Puts a command's bytes on {@code greenbox/<device>/commands/setpoint} (QoS 1) and returns once
 * the broker has it; a failure is an exception.
 */
@FunctionalInterface
public interface CommandSender {

  /**
   * @param expiry the MQTT 5 message expiry interval: the broker drops the message when it cannot
   *     hand it to the device within this (a device returning to a persistent session never gets a
   *     command past its {@code valid_until})
   */
  void send(String deviceId, byte[] payload, Duration expiry) throws Exception;
}
