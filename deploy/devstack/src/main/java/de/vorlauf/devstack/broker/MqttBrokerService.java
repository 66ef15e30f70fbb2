package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.process.Executables;
import de.vorlauf.devstack.service.Origin;
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
    BrokerKind kind = select(options.externalUrl(), options.preferred(), mosquitto);
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

  /**
   * External URL → Mosquitto (if installed) → embedded HiveMQ; a preference narrows the choice. A
   * pure function of what is configured and installed, so that it is tested without a broker.
   */
  static BrokerKind select(
      String externalUrl, BrokerKind preferred, Optional<Path> mosquittoBinary) {
    if (Origin.configured(externalUrl)) {
      return BrokerKind.EXTERNAL;
    }
    return switch (preferred) {
      case MOSQUITTO -> {
        if (mosquittoBinary.isEmpty()) {
          throw new IllegalStateException(
              "Mosquitto was asked for but is not installed (apt-get install mosquitto)");
        }
        yield BrokerKind.MOSQUITTO;
      }
      case HIVEMQ -> BrokerKind.HIVEMQ;
      case AUTO -> mosquittoBinary.isPresent() ? BrokerKind.MOSQUITTO : BrokerKind.HIVEMQ;
      case EXTERNAL ->
          throw new IllegalArgumentException("an external broker needs VORLAUF_MQTT_URL");
    };
  }

  public static Optional<Path> mosquittoBinary() {
    return Executables.find(
        "mosquitto", Path.of("/usr/sbin/mosquitto"), Path.of("/usr/local/sbin/mosquitto"));
  }
}
