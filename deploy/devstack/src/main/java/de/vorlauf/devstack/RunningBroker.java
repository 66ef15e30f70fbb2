package de.vorlauf.devstack;

/** An MQTT broker the platform may use. */
public interface RunningBroker extends RunningService {

  /** e.g. tcp://127.0.0.1:11883 */
  String url();

  @Override
  default String name() {
    return "mqtt";
  }
}
