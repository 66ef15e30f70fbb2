package de.vorlauf.activities.mqtt;

/** The MQTT round trip failed; the message says why in words an operator can act on. */
public class MqttProbeException extends RuntimeException {

  public MqttProbeException(String message) {
    super(message);
  }

  public MqttProbeException(String message, Throwable cause) {
    super(message, cause);
  }
}
