package de.vorlauf.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses and starts the MQTT broker: the configured one; else Mosquitto if installed, always
 * started by us with our own configuration (a system broker's defaults drop QoS 1 messages); else
 * embedded HiveMQ CE.
 */
public final class MqttBrokerService {

  private MqttBrokerService() {}

  public static RunningBroker start(BrokerOptions options) {
    Optional<Path> mosquitto = mosquittoBinary();
    BrokerKind kind =
        ServiceSelection.broker(options.externalUrl(), options.preferred(), mosquitto);
    RunningBroker broker =
        switch (kind) {
          case EXTERNAL -> new ExternalBroker(options.externalUrl());
          case MOSQUITTO -> new MosquittoBroker(mosquitto.orElseThrow(), options);
          case HIVEMQ -> new HiveMqBroker(options);
          case AUTO -> throw new IllegalStateException("selection always decides");
        };
    broker.start();
    return broker;
  }

  public static Optional<Path> mosquittoBinary() {
    return Executables.find(
        "mosquitto", Path.of("/usr/sbin/mosquitto"), Path.of("/usr/local/sbin/mosquitto"));
  }
}
