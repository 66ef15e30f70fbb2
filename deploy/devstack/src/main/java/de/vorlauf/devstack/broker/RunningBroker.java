package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.service.RunningService;
import java.util.Optional;

/** An MQTT broker the platform may use. */
public interface RunningBroker extends RunningService {

  /** e.g. tcp://127.0.0.1:11883 */
  String url();

  /** Present when the broker authenticates clients from files the worker keeps in sync. */
  default Optional<BrokerAccessControl> accessControl() {
    return Optional.empty();
  }

  @Override
  default String name() {
    return "mqtt";
  }
}
