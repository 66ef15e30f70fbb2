package de.vorlauf.simulator.mqtt;

/** Receives what arrives on a connection's subscriptions (setpoint commands). */
@FunctionalInterface
public interface InboundListener {

  /**
   * Called on a thread of the connection's dispatcher, never on Paho's callback thread, so the
   * listener may publish an answer on {@code connection} (which can block for a PUBACK window).
   */
  void arrived(String topic, byte[] payload, PublisherConnection connection);
}
